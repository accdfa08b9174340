#pragma once
// The logical IDs the SAM transform will create, so that references to them are not mistaken
// for typos: `Fn.Alias`/`Fn.Version`, `FnRole`, `FnAliaslive`, `FnVersion<hash>`,
// `ServerlessRestApi`, `ServerlessDeploymentApplication`, `<Api>ProdStage`, … Every resource SAM
// derives from a serverless resource starts with that resource's logical ID; so does every
// resource a CloudFormation module (`Type: …::MODULE`) adds.

#include <string_view>
#include <unordered_set>

#include "model/template.h"

namespace samshift::sam {

class GeneratedNames {
 public:
  explicit GeneratedNames(const model::Template& templ);

  // True for a name the transform creates (or a `Resource.Property` reference it resolves).
  bool exists(std::string_view name) const;

 private:
  std::unordered_set<std::string_view> serverlessIds_;
  bool sam_ = false;
};

}  // namespace samshift::sam
