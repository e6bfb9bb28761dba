// giflib (Debian: libgif-dev): the GIF encoder behind `mapgen series --animate gif`.
#include <gif_lib.h>
