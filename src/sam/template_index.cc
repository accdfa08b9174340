#include "sam/template_index.h"

#include "sam/py27_conversion.h"

namespace samshift::sam {

const ApiRouteClaims& TemplateIndex::apiRoutes() const {
  if (!apiRoutes_) apiRoutes_.emplace(*templ_);
  return *apiRoutes_;
}

const CognitoEventsByPool& TemplateIndex::cognitoEvents() const {
  if (!cognitoEvents_) cognitoEvents_.emplace(*templ_);
  return *cognitoEvents_;
}

bool TemplateIndex::convertsToPy27() const {
  if (!convertsToPy27_) convertsToPy27_ = samConvertsToPy27(*templ_);
  return *convertsToPy27_;
}

}  // namespace samshift::sam
