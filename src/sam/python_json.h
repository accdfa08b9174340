#pragma once
// The bytes Python's json.dumps(value, separators=(",", ":"), sort_keys=True) writes (with the
// default ensure_ascii), which is what the SAM transform hashes for a version's logical ID.

#include <string>

#include "model/node.h"

namespace samshift::sam {

std::string pythonJson(const model::Node& value);
// json.dumps(value, indent=indent, sort_keys=True): how SAM writes a state machine definition.
std::string pythonJsonIndented(const model::Node& value, int indent);

// json.dumps(value) with its defaults: ", " and ": " between items, keys in the node's order.
std::string pythonJsonDefault(const model::Node& value);

// Python's repr() of a float: shortest round-trip digits, `.0` on integral values, exponent
// form (`1e-05`, `1e+16`) below 1e-4 and from 1e16; json.dumps spells the others `NaN`,
// `Infinity` and `-Infinity`.
std::string pythonFloatRepr(double value);
// A number node as json.dumps writes it: an int, an integer beyond 64 bits exactly (Python's
// ints are unbounded), or a float as above.
std::string pythonNumber(const model::Node& number);

}  // namespace samshift::sam
