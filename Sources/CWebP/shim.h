// libwebp and its animation encoder (Debian: libwebp-dev): `mapgen series --animate webp`.
#include <webp/encode.h>
#include <webp/mux.h>
