namespace TestSupport;

/// <summary>
/// The S3 server the test command starts (s3rver; its endpoint is in INSTAGRAM_TEST_S3). Tests give
/// themselves a bucket of their own, so tests in parallel never see each other's objects.
/// </summary>
public static class TestS3Server
{
    public const string EndpointVariable = "INSTAGRAM_TEST_S3";

    /// <summary>s3rver's fixed credentials.</summary>
    public const string AccessKey = "S3RVER";

    public const string SecretKey = "S3RVER";

    /// <summary>The server's endpoint, e.g. <c>http://127.0.0.1:54568</c>.</summary>
    /// <exception cref="InvalidOperationException">No server was started for the tests.</exception>
    public static string Endpoint =>
        Environment.GetEnvironmentVariable(EndpointVariable) is { Length: > 0 } endpoint
            ? endpoint
            : throw new InvalidOperationException(
                $"This test needs an S3 server: {EndpointVariable} is not set. Run the README's test command (scripts/test.sh), which starts one (s3rver).");

    /// <summary>A bucket name no other test uses.</summary>
    public static string NewBucketName() => "test-" + Guid.NewGuid().ToString("N");
}
