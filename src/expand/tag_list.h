#pragma once
// SAM's get_tag_list (samtranslator/model/tags/resource_tagging.py): a Tags mapping as
// CloudFormation's [{Key, Value}] list, in the order written, a null value written "".

#include "model/node.h"

namespace samshift::expand {

// `tags` must be a mapping.
model::Node tagListOf(const model::Node& tags);

}  // namespace samshift::expand
