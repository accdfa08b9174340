#include "sam/generated_names.h"

#include <array>

namespace samshift::sam {

namespace {

// Resources SAM creates that are not named after one serverless resource.
constexpr std::array<std::string_view, 4> kSharedPrefixes = {
    "ServerlessRestApi", "ServerlessHttpApi", "ServerlessDeploymentApplication",
    "CodeDeployServiceRole"};

}  // namespace

GeneratedNames::GeneratedNames(const model::Template& templ) : sam_(templ.isSam()) {
  for (const model::ResourceView& resource : templ.resources()) {
    bool module =
        resource.type.size() > 8 && resource.type.substr(resource.type.size() - 8) == "::MODULE";
    if ((sam_ && resource.isServerless()) || module) serverlessIds_.insert(resource.id);
  }
}

bool GeneratedNames::exists(std::string_view name) const {
  for (std::string_view prefix : kSharedPrefixes) {
    if (sam_ && name.substr(0, prefix.size()) == prefix) return true;
  }
  // Every proper prefix of the name, looked up: linear in the name, whatever the template's size.
  for (size_t length = 1; length < name.size(); ++length) {
    if (serverlessIds_.count(name.substr(0, length))) return true;
  }
  return false;
}

}  // namespace samshift::sam
