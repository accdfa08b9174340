#pragma once
// The 10 hex digits SAM appends to a logical ID: sam/version_hash.h.

#include "sam/version_hash.h"

namespace samshift::expand {

using sam::sha1Hex;
using sam::versionHash;

}  // namespace samshift::expand
