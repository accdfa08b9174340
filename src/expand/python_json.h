#pragma once
// Python's json.dumps as SAM hashes and writes values: sam/python_json.h (SAM's hashes are facts
// of SAM, which src/sam computes for lint too).

#include "sam/python_json.h"

namespace samshift::expand {

using sam::pythonFloatRepr;
using sam::pythonJson;
using sam::pythonJsonIndented;
using sam::pythonNumber;

}  // namespace samshift::expand
