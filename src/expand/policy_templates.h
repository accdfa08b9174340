#pragma once
// SAM policy templates (`- KinesisStreamReadPolicy: {StreamName: …}`) → policy documents.

#include <optional>
#include <string>

#include "model/node.h"

namespace samshift::expand {

// The policy document of template `name` with `parameters`; nullopt for a template samshift
// does not know yet.
std::optional<model::Node> expandPolicyTemplate(const std::string& name, const model::Node& parameters);

}  // namespace samshift::expand
