#pragma once
// Mapping keys as SAM reads them. PyYAML types a plain key as it types a value (`OFF:` is False,
// `~:` None, `0x1F:` 31, `1:30:` 90), builds a dict (equal keys merge: True == 1, 1 == 1.0;
// the first key and its place stay, the last value wins), and the JSON round trip before the
// transform (sam-translate, as SAM's own test suite) writes each key as a string ("false",
// "null", "31"), merging again keys that read the same.

#include "model/node.h"

namespace samshift::expand {

// Rewrites every mapping key of `root` to the string SAM sees; keys already strings stay.
void pythonJsonKeys(model::Node& root);

}  // namespace samshift::expand
