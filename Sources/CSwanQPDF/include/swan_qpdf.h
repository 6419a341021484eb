/* libqpdf, loaded on first use (issue 33): everything swan does with qpdf lives in a shared
 * library of its own, libswanqpdf (Sources/SwanQPDFLibrary), that swan opens with dlopen when a
 * command reads a PDF or finishes cairo's. Linked into swan, libqpdf and what it loads (GnuTLS,
 * p11-kit, nettle, gmp, libjpeg) cost about 3 ms of every process, also of those that never read
 * a PDF. swan links only this header's types and the loader (loader.c): every call goes through
 * the function table the library returns (swan_qpdf_api).
 *
 * Reading a PDF with budgets (issue 26): libqpdf's C++ API behind a small C interface, so that
 * every stream swan decodes goes through a pipeline that counts and stops past a limit, the
 * object streams are measured before qpdf expands them, and the form's field tree is walked
 * without recursion. Nothing here prints: qpdf's warnings are discarded, its errors returned. */
#ifndef SWAN_QPDF_H
#define SWAN_QPDF_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif /* SWAN_QPDF_H */

typedef struct swan_pdf swan_pdf;

typedef enum {
    SWAN_PDF_OK = 0,
    /* Not a PDF qpdf can read; detail is qpdf's message (without a file name), position the byte. */
    SWAN_PDF_UNREADABLE,
    /* An object stream decodes to more than limit bytes; number is its object number. */
    SWAN_PDF_OBJECT_STREAM_TOO_LARGE,
    /* An object stream lies inside another object stream (forbidden); number is its object number. */
    SWAN_PDF_OBJECT_STREAM_NESTED,
    /* The streams decoded from the file together exceed limit bytes. */
    SWAN_PDF_DECODED_TOO_MUCH,
    /* An embedded file decodes (or says it decodes) to more than limit bytes. */
    SWAN_PDF_FILE_TOO_LARGE,
    /* An embedded file's filters cannot be undone; detail says why when qpdf did. */
    SWAN_PDF_FILE_UNDECODABLE,
    /* An embedded file has no stream. */
    SWAN_PDF_FILE_MISSING,
    /* The field tree is nested deeper than limit. */
    SWAN_PDF_FIELDS_TOO_DEEP,
    /* The form has more than limit terminal fields. */
    SWAN_PDF_TOO_MANY_FIELDS,
    /* A field's full name is longer than limit bytes. */
    SWAN_PDF_NAME_TOO_LONG,
    /* The names and values of all fields together exceed limit bytes. */
    SWAN_PDF_TEXT_TOO_LARGE,
    /* The document lists more than limit associated files. */
    SWAN_PDF_TOO_MANY_FILES
} swan_pdf_status;

typedef struct {
    swan_pdf_status status;
    /* qpdf's own words, NUL-terminated, cut at 400 bytes; empty when there are none. */
    char detail[400];
    /* A byte offset in the file, or -1. */
    long long position;
    long long number;
    long long limit;
} swan_pdf_error;

typedef struct {
    /* Decoded bytes of one object stream. */
    size_t object_stream_limit;
    /* Decoded bytes of all streams swan decodes in the file together. */
    size_t decoded_limit;
    size_t depth_limit;
    size_t field_limit;
    size_t name_limit;
    /* Bytes of all field names and values together. */
    size_t text_limit;
    /* Associated files listed in /AF (each counted once). */
    size_t file_limit;
} swan_pdf_limits;


typedef enum { SWAN_PDF_VALUE_NONE = 0, SWAN_PDF_VALUE_TEXT, SWAN_PDF_VALUE_NAME, SWAN_PDF_VALUE_TEXTS } swan_pdf_value_kind;

/* One terminal field: strings are UTF-8 with a length (a U+0000 may be inside), names without
 * their slash. Valid only during the callback. */
typedef struct {
    const char* name;
    size_t name_length;
    /* /FT, inherited; NULL when none. */
    const char* type;
    long long flags;
    swan_pdf_value_kind value_kind;
    const char* const* values;
    const size_t* value_lengths;
    size_t value_count;
    /* The on-states of the field's widgets: the names in each /AP /N dictionary other than /Off. */
    const char* const* on_states;
    const size_t* on_state_lengths;
    size_t on_state_count;
} swan_pdf_field;

typedef void (*swan_pdf_field_visitor)(void* context, const swan_pdf_field* field);

typedef struct {
    const char* name;
    size_t name_length;
    /* /Subtype of the embedded file stream (e.g. application/json); NULL when none. */
    const char* media_type;
    /* /Params /Size, or -1. */
    long long declared_size;
} swan_pdf_source_file;

/* What cairo cannot write, per page: TrimBox and BleedBox as PDF rectangles [llx lly urx ury]. */
typedef struct {
    int has_trim_box;
    double trim_box[4];
    int has_bleed_box;
    double bleed_box[4];
} swan_qpdf_page_boxes;

typedef enum {
    SWAN_QPDF_FINISHED = 0,
    /* qpdf_init returned nothing. */
    SWAN_QPDF_NOT_INITIALISED,
    /* qpdf failed reading or writing; detail holds its words. */
    SWAN_QPDF_FAILED,
    /* qpdf_write succeeded but left no buffer. */
    SWAN_QPDF_WROTE_NOTHING
} swan_qpdf_finish_status;

/* Everything libswanqpdf offers, as one table of functions. */
typedef struct {
    /* Opens a copy of `bytes`, then measures every object stream (each decoded once, into a
     * counter, with the limits) before anything else is read. NULL and `error` on failure. */
    swan_pdf* (*pdf_open)(const void* bytes, size_t length, const swan_pdf_limits* limits, swan_pdf_error* error);
    void (*pdf_close)(swan_pdf* pdf);
    /* Every terminal field of /AcroForm /Fields, in document order, walked with an explicit
     * stack. Returns 0, or -1 with `error`. */
    int (*pdf_fields)(swan_pdf* pdf, swan_pdf_field_visitor visitor, void* context, swan_pdf_error* error);
    /* The catalog's associated files with /AFRelationship /Source, each stream once, none
     * decoded. Returns their number, or -1 with `error`. */
    long long (*pdf_source_files)(swan_pdf* pdf, swan_pdf_error* error);
    /* The file at `index` of the last pdf_source_files; valid until pdf_close. */
    int (*pdf_source_file_info)(swan_pdf* pdf, size_t index, swan_pdf_source_file* info);
    /* Decodes the file at `index`, at most `limit` bytes, into a buffer to release with
     * free_buffer. Returns 0, or -1 with `error`. */
    int (*pdf_source_file_data)(swan_pdf* pdf, size_t index, size_t limit, unsigned char** data, size_t* length,
                                swan_pdf_error* error);
    /* Cairo's finished PDF with each page's boxes and, when `viewer_preferences` is not NULL, the
     * catalog's /ViewerPreferences parsed from it (a PDF dictionary), written again with a
     * deterministic /ID into a buffer to release with free_buffer; `detail` (NUL-terminated,
     * cut at `detail_size`) holds qpdf's words on SWAN_QPDF_FAILED. */
    swan_qpdf_finish_status (*finish_cairo)(const void* bytes, size_t length, const swan_qpdf_page_boxes* pages,
                                            size_t page_count, const char* viewer_preferences,
                                            unsigned char** output, size_t* output_length,
                                            char* detail, size_t detail_size);
    /* Releases a buffer the library allocated. */
    void (*free_buffer)(void* buffer);
} swan_qpdf_api;

/* The library's one exported symbol: returns its table (a static, valid for the process). */
#define SWAN_QPDF_ENTRY "swan_qpdf_api_v1"
typedef const swan_qpdf_api* (*swan_qpdf_entry)(void);

#ifdef __APPLE__
#define SWAN_QPDF_LIBRARY "libswanqpdf.dylib"
#else
#define SWAN_QPDF_LIBRARY "libswanqpdf.so"
#endif /* SWAN_QPDF_H */

/* Where the loader looked and why it failed; paths NUL-terminated. */
typedef struct {
    /* 1 when a library file was found (`path`) but could not be opened or lacks the entry. */
    int found;
    /* Beside the executable: a build folder (.build/release, .build/debug, where tests run). */
    char beside[4096];
    /* PREFIX/lib/swan from PREFIX/bin/swan (make install). */
    char installed[4096];
    char path[4096];
    /* dlerror's words. */
    char reason[512];
} swan_qpdf_load_failure;

/* Opens libswanqpdf beside the running executable (symlinks resolved), else in ../lib/swan from
 * it, and returns its table; NULL with `failure` filled when neither opens. Not cached: call it
 * once (SwanQPDF's QPDFLibrary does). */
const swan_qpdf_api* swan_qpdf_load(swan_qpdf_load_failure* failure);

#ifdef __cplusplus
}
#endif

#endif /* SWAN_QPDF_H */
