#include "CGDAL.h"
#include <dlfcn.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct mapgen_gdal table;

/// libgdal.so is the development symlink (libgdal-dev); without it, the runtime package's
/// versioned name (libgdal.so.32 on Debian 12), newest first, in the usual library folders.
/// MAPGEN_GDAL_LIBRARY, when set, names the library to use instead (a GDAL of one's own build).
static void *open_gdal(char *tried, size_t size) {
    const char *chosen = getenv("MAPGEN_GDAL_LIBRARY");
    if (chosen && *chosen) {
        snprintf(tried, size, "MAPGEN_GDAL_LIBRARY=%s", chosen);
        return dlopen(chosen, RTLD_NOW | RTLD_LOCAL);
    }
    void *h = dlopen("libgdal.so", RTLD_NOW | RTLD_LOCAL);
    snprintf(tried, size, "libgdal.so");
    if (h) return h;
    const char *patterns[] = {"/usr/lib/*-linux-gnu/libgdal.so.*", "/usr/lib64/libgdal.so.*", "/usr/lib/libgdal.so.*",
                              "/usr/local/lib/libgdal.so.*", "/opt/homebrew/lib/libgdal.*.dylib", "/usr/local/lib/libgdal.*.dylib"};
    glob_t found;
    int flags = 0;
    for (size_t i = 0; i < sizeof patterns / sizeof *patterns; i++) {
        if (glob(patterns[i], flags, NULL, &found) == 0) flags = GLOB_APPEND;
    }
    if (flags == 0) return NULL;
    // Longest name last among equals (libgdal.so.32.3.6.2 after libgdal.so.32): try from the end.
    for (size_t i = found.gl_pathc; i-- > 0 && !h;) {
        h = dlopen(found.gl_pathv[i], RTLD_NOW | RTLD_LOCAL);
        snprintf(tried, size, "%s", found.gl_pathv[i]);
    }
    globfree(&found);
    return h;
}

const struct mapgen_gdal *mapgen_gdal_load(char *message, size_t size) {
    char tried[512];
    void *h = open_gdal(tried, sizeof tried);
    if (!h) {
        const char *why = dlerror();
        snprintf(message, size, "GDAL is not installed (%s: %s)", tried, why ? why : "not found");
        return NULL;
    }
#define MAPGEN_GDAL_RESOLVE(name)                                                              \
    table.name = (__typeof__(name) *)dlsym(h, #name);                                          \
    if (!table.name) {                                                                         \
        snprintf(message, size, "%s has no function %s (GDAL too old?)", tried, #name);        \
        return NULL;                                                                           \
    }
    MAPGEN_GDAL_FUNCTIONS(MAPGEN_GDAL_RESOLVE)
#undef MAPGEN_GDAL_RESOLVE
    return &table;
}
