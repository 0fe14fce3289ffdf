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

#endif
