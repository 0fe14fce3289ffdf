#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H

// libxml2's headers would pull in the system ICU, which clashes with the ICU that
// Foundation bundles. Read the version header first and switch ICU support off.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

// libxml2 prints some problems (encoding errors) through its generic error handler, to standard
// error and with bytes of the input. cda takes errors from the structured handler instead, so the
// generic one is silenced.
static void cda_ignore_generic_error(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

static inline void cda_silence_generic_errors(void) {
    xmlSetGenericErrorFunc(NULL, cda_ignore_generic_error);
}

#endif
