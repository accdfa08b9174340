#pragma once
// MergeDefinitions: an Api event's integration is made on a fresh skeleton, and its method is
// then merged into the API's own body (Api._add_swagger_integration and _get_merged_definitions
// in samtranslator/model/eventsources/push.py).

#include <optional>
#include <string>

#include "expand/api/py_object.h"

namespace samshift::expand::api {

// Merges the method `method` (as the event writes it) of `path` from `generated`, the skeleton
// the event's editor filled, into `body`. nullopt on success, else why samshift does not (SAM
// rejects the body, or fails on it).
std::optional<std::string> mergeGeneratedMethod(PyObject& body, const PyObject& generated,
                                                const std::string& path, const std::string& method);

}  // namespace samshift::expand::api
