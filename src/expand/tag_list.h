#pragma once
// SAM's get_tag_list (samtranslator/model/tags/resource_tagging.py): a Tags mapping as
// CloudFormation's [{Key, Value}] list, in the order written, a null value written "".

#include <initializer_list>

#include "model/node.h"

namespace samshift::expand {

// `tags` must be a mapping.
model::Node tagListOf(const model::Node& tags);

// Resource.assign_tags on properties written in property_types order: Tags takes `tags`, in its
// place if it is there, else just before the first of `following` (the properties after Tags in
// property_types) that is present, else last.
void assignTags(model::Node& properties, const model::Node& tags,
                std::initializer_list<const char*> following);

}  // namespace samshift::expand
