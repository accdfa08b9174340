#pragma once
// The one way samshift includes valijson. valijson reports errors through inline functions whose
// body depends on VALIJSON_USE_EXCEPTIONS: without it they print and call abort(). Those inline
// functions are one symbol across the program, so a single translation unit compiled without the
// flag can make every other one abort too (the linker keeps whichever copy it sees first). The
// flag is therefore a project-wide compile argument (meson.build), and this header refuses to
// compile without it rather than define it locally, which would come too late for any header of
// valijson's included earlier in the same file.

#if !defined(VALIJSON_USE_EXCEPTIONS) || !VALIJSON_USE_EXCEPTIONS
#error "valijson must be compiled with -DVALIJSON_USE_EXCEPTIONS=1 (see meson.build)"
#endif

#include <valijson/exceptions.hpp>
#include <valijson/internal/adapter.hpp>
#include <valijson/internal/basic_adapter.hpp>
#include <valijson/internal/frozen_value.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>
