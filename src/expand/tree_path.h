#pragma once
// Finding a node in a template and saying where it is, for messages about values `expand`
// cannot write.

#include <functional>
#include <string>

#include "model/node.h"

namespace samshift::expand {

// The first node under `root`, in document order, that `match` accepts, and in `path` where it
// sits (`Resources.Fn.Properties.Timeout`, `…Layers[2]`); null when there is none.
const model::Node* findWithPath(const model::Node& root,
                                const std::function<bool(const model::Node&)>& match,
                                std::string& path);

}  // namespace samshift::expand
