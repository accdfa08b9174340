#pragma once
// The bytes Python's json.dumps(value, separators=(",", ":"), sort_keys=True) writes (with the
// default ensure_ascii), which is what the SAM transform hashes for a version's logical ID.

#include <string>

#include "model/node.h"

namespace samshift::expand {

std::string pythonJson(const model::Node& value);
// json.dumps(value, indent=indent, sort_keys=True): how SAM writes a state machine definition.
std::string pythonJsonIndented(const model::Node& value, int indent);

// Python's repr() of a float: shortest round-trip digits, `.0` on integral values, exponent
// form (`1e-05`, `1e+16`) below 1e-4 and from 1e16.
std::string pythonFloatRepr(double value);

}  // namespace samshift::expand
