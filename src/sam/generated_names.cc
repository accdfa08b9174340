#include "sam/generated_names.h"

#include <array>

#include "sam/generated_resources.h"

namespace samshift::sam {

namespace {

// Resources SAM creates that are not named after one serverless resource.
constexpr std::array<std::string_view, 4> kSharedPrefixes = {
    "ServerlessRestApi", "ServerlessHttpApi", "ServerlessDeploymentApplication",
    "CodeDeployServiceRole"};

bool sharedUsagePlan(const model::Node* auth) {
  const model::Node* plan = auth && auth->isMapping() ? auth->get("UsagePlan") : nullptr;
  const model::Node* create = plan && plan->isMapping() ? plan->get("CreateUsagePlan") : nullptr;
  return create && create->isString("SHARED");
}

}  // namespace

bool createsSharedUsagePlan(const model::Template& templ) {
  const model::Node* globals = templ.root().get("Globals");
  const model::Node* api = globals && globals->isMapping() ? globals->get("Api") : nullptr;
  if (api && api->isMapping() && sharedUsagePlan(api->get("Auth"))) return true;
  for (const model::ResourceView& resource : templ.resources()) {
    if (resource.type == "AWS::Serverless::Api" && sharedUsagePlan(resource.property("Auth")))
      return true;
  }
  return false;
}

GeneratedNames::GeneratedNames(const model::Template& templ) : templ_(templ), sam_(templ.isSam()) {
  for (const model::ResourceView& resource : templ.resources()) {
    bool module =
        resource.type.size() > 8 && resource.type.substr(resource.type.size() - 8) == "::MODULE";
    if ((sam_ && resource.isServerless()) || module) serverlessIds_.insert(resource.id);
  }
}

const std::unordered_set<std::string>& GeneratedNames::otherIds() const {
  if (otherIds_) return *otherIds_;
  otherIds_.emplace();
  if (!sam_) return *otherIds_;
  for (const model::ResourceView& resource : templ_.resources()) {
    if (!resource.properties) continue;
    for (GeneratedResource& made :
         generatedResources(templ_, resource, *resource.properties, std::nullopt))
      otherIds_->insert(std::move(made.logicalId));
  }
  if (createsSharedUsagePlan(templ_)) {
    for (std::string_view id : {kSharedUsagePlanId, kSharedApiKeyId, kSharedUsagePlanKeyId})
      otherIds_->emplace(id);
  }
  return *otherIds_;
}

bool GeneratedNames::exists(std::string_view name) const {
  for (std::string_view prefix : kSharedPrefixes) {
    if (sam_ && name.substr(0, prefix.size()) == prefix) return true;
  }
  // Every proper prefix of the name, looked up: linear in the name, whatever the template's size.
  for (size_t length = 1; length < name.size(); ++length) {
    if (serverlessIds_.count(name.substr(0, length))) return true;
  }
  return otherIds().count(std::string(name)) != 0;
}

bool GeneratedNames::generatesExactly(std::string_view name) const {
  for (std::string_view shared : kSharedPrefixes) {
    if (sam_ && name == shared) return true;
  }
  return otherIds().count(std::string(name)) != 0;
}

std::string_view GeneratedNames::owner(std::string_view name) const {
  for (size_t length = name.size() - (name.empty() ? 0 : 1); length > 0; --length) {
    auto found = serverlessIds_.find(name.substr(0, length));
    if (found != serverlessIds_.end()) return *found;
  }
  return {};
}

}  // namespace samshift::sam
