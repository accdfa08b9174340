#pragma once
// How SAM's API editors read a value that may be conditional: BaseEditor.get_conditional_contents
// (open_api/base_editor.py), which SwaggerEditor and OpenApiEditor apply to every path item and
// method definition they walk. docs/sam-semantics.md §8.1.

#include <vector>

#include "model/node.h"

namespace samshift::sam {

// The branches of the item's Fn::If after its condition, without those that are
// {"Ref": "AWS::NoValue"}, appended to `out`; the item itself when it is not a map with an
// Fn::If. False for an Fn::If that is not a list, which SAM rejects ("Value of Fn::If must be a
// list.").
bool editorConditionalContents(const model::Node& item, std::vector<const model::Node*>& out);

}  // namespace samshift::sam
