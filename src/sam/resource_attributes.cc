#include "sam/resource_attributes.h"

#include <algorithm>

namespace samshift::sam {

AttributeUse serverlessAttributeUse(std::string_view key) {
  if (key == "Type" || key == "Properties" || key == "DependsOn" ||
      std::find(kSupportedResourceAttributes.begin(), kSupportedResourceAttributes.end(), key) !=
          kSupportedResourceAttributes.end()) {
    return AttributeUse::kResource;
  }
  // plugins/globals/globals_plugin.py (SamResource.ignore_globals) and translator.py
  // (_get_embedded_connectors).
  if (key == "IgnoreGlobals" || key == "Connectors") return AttributeUse::kPlugin;
  return AttributeUse::kDropped;
}

}  // namespace samshift::sam
