# Native tools of the media pipeline. Sourced by the scripts; needs common.sh.
#   ensure_media_runtime   what the product needs to process media: libvips (through NetVips) and ffmpeg
#   ensure_media_testing   plus what tests and benchmarks use to make and check files: vips, vipsthumbnail, exiftool,
#                          ImageMagick (CMYK JPEGs and animated GIFs, which the vips command cannot write)

ensure_media_runtime() {
  ensure_packages libvips42 ffmpeg
}

ensure_media_testing() {
  ensure_media_runtime
  ensure_packages libvips-tools libimage-exiftool-perl imagemagick
}
