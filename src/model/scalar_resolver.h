#pragma once
// Types a plain YAML scalar the way PyYAML's SafeLoader does (YAML 1.1), which is what the SAM
// transform and CloudFormation read templates with: `yes`/`off` are booleans, `010` is 8,
// `1e3` is a string but `1.0e+3` is a float, `190:20:30` is an int, `~` is null.

#include <string>
#include <string_view>

#include "model/node.h"

namespace samshift::model {

// Sets `node` to the typed value of a plain scalar.
void resolvePlainScalar(std::string_view text, Node& node);

// An integer written beyond 64 bits (in YAML, or in JSON) becomes a float node, its nearest
// double, that keeps the literal as its text; PyYAML and Python's json read it exactly.
enum class BigInteger { kNo, kDecimal, kOtherBase };  // kOtherBase: 0x…, 0b…, 0…, a:b:c
BigInteger bigInteger(const Node& node);
// The exact value of a kDecimal one as Python writes it: its digits, after `-` when negative.
std::string bigIntegerDigits(const Node& node);

}  // namespace samshift::model
