#include "sam/template_index.h"

namespace samshift::sam {

const ApiRouteClaims& TemplateIndex::apiRoutes() const {
  if (!apiRoutes_) apiRoutes_.emplace(*templ_);
  return *apiRoutes_;
}

const CognitoEventsByPool& TemplateIndex::cognitoEvents() const {
  if (!cognitoEvents_) cognitoEvents_.emplace(*templ_);
  return *cognitoEvents_;
}

}  // namespace samshift::sam
