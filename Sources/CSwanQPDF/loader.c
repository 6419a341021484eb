/* The loader of libswanqpdf: see include/swan_qpdf.h. */
#include "swan_qpdf.h"

#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __APPLE__
#include <mach-o/dyld.h>
#include <stdint.h>
#endif

/* The folder of the running executable, symlinks resolved; 0, or -1 when it cannot be known. */
static int executable_folder(char* folder, size_t size) {
    char resolved[PATH_MAX];
#ifdef __APPLE__
    char raw[PATH_MAX];
    uint32_t raw_size = sizeof raw;
    if (_NSGetExecutablePath(raw, &raw_size) != 0 || !realpath(raw, resolved)) return -1;
#else
    ssize_t length = readlink("/proc/self/exe", resolved, sizeof resolved - 1);
    if (length <= 0) return -1;
    resolved[length] = '\0';
#endif
    char* slash = strrchr(resolved, '/');
    if (!slash) return -1;
    *slash = '\0';
    snprintf(folder, size, "%s", resolved[0] ? resolved : "/");
    return 0;
}

static void copy(char* target, size_t size, const char* text) {
    snprintf(target, size, "%s", text ? text : "");
}

const swan_qpdf_api* swan_qpdf_load(swan_qpdf_load_failure* failure) {
    memset(failure, 0, sizeof *failure);
    char folder[PATH_MAX];
    if (executable_folder(folder, sizeof folder) != 0) copy(folder, sizeof folder, ".");
    snprintf(failure->beside, sizeof failure->beside, "%s/%s", folder, SWAN_QPDF_LIBRARY);
    snprintf(failure->installed, sizeof failure->installed, "%s/../lib/swan/%s", folder, SWAN_QPDF_LIBRARY);
    const char* candidates[] = { failure->beside, failure->installed };
    for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
        if (access(candidates[i], F_OK) != 0) continue;
        failure->found = 1;
        copy(failure->path, sizeof failure->path, candidates[i]);
        void* library = dlopen(candidates[i], RTLD_NOW | RTLD_LOCAL);
        if (!library) { copy(failure->reason, sizeof failure->reason, dlerror()); return NULL; }
        void* entry = dlsym(library, SWAN_QPDF_ENTRY);
        if (!entry) { copy(failure->reason, sizeof failure->reason, dlerror()); return NULL; }
        const swan_qpdf_api* api = ((swan_qpdf_entry)entry)();
        if (api) return api;
        copy(failure->reason, sizeof failure->reason, SWAN_QPDF_ENTRY " returned nothing");
        return NULL;
    }
    return NULL;
}
