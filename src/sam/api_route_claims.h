#pragma once
// Which event first integrates each method of an API whose body SAM manages, in the order SAM's
// translator meets the events, and so which later event SAM rejects for integrating it again:
// Api events (eventsources/push.py Api._add_swagger_integration, stepfunctions/events.py) with
// 'API method "post" defined multiple times for path "/add".', HttpApi events
// (HttpApi._add_openapi_integration) with the same in single quotes. docs/sam-semantics.md §8.12.
// Built once per template, since each function's answer depends on every function SAM translates
// before it.

#include <optional>
#include <unordered_map>

#include "model/template.h"
#include "sam/validation.h"

namespace samshift::sam {

class ApiRouteClaims {
 public:
  explicit ApiRouteClaims(const model::Template& templ);

  // SAM's rejection of the resource's first event that integrates a method an earlier event
  // already has (which stops the resource there); nullopt when there is none, or when it depends
  // on what is not modelled (an event SAM could not read before it, a MergeDefinitions API that a
  // state machine edits, a template's own ServerlessRestApi).
  std::optional<SamProblem> problemOf(const model::ResourceView& resource) const;
  // The resource whose event took the method first (the resource itself for two of its own
  // events); null when problemOf has none. SAM takes none of its routes when it stops it before
  // its events: the caller checks that.
  const model::ResourceView* claimantOf(const model::ResourceView& resource) const;

 private:
  struct Rejection {
    SamProblem problem;
    const model::ResourceView* claimant;
  };
  std::unordered_map<const model::ResourceView*, Rejection> problems_;
};

}  // namespace samshift::sam
