#pragma once
// Writes a template tree back as text, for the structure-aware fuzzer: YAML (block style down to a
// chosen depth and flow style below it, intrinsics in short or long form) or JSON. The text loads
// back into the same tree, duplicate keys included (a mutation makes them on purpose), except that
// JSON has no spelling for NaN and infinities and writes them as the strings YAML would.

#include <cstddef>
#include <string>

#include "model/node.h"

namespace samshift::fuzz {

enum class TextFormat { kYaml, kJson };

struct WriteStyle {
  TextFormat format = TextFormat::kYaml;
  // Collections nested this deep or deeper are written on one line (`[a, {b: c}]`); 0 writes the
  // whole template on one line. JSON has the same choice: indented lines or one line.
  size_t flowDepth = 32;
  // YAML: `!Ref x` / `!If [c, a, b]` for intrinsics where the short form loads back the same.
  bool shortForms = true;
};

std::string writeTemplate(const model::Node& root, const WriteStyle& style);

}  // namespace samshift::fuzz
