#include "expand/api/merge_definitions.h"

#include <algorithm>

#include "expand/api/swagger.h"
#include "sam/deployment_model.h"

namespace samshift::expand::api {

namespace {

bool truthy(const PyObject* value) { return value && sam::pythonTruthy(value->toNode()); }

}  // namespace

std::optional<std::string> mergeGeneratedMethod(PyObject& body, const PyObject& generated,
                                                const std::string& path,
                                                const std::string& method) {
  // self.Method.lower(): str.lower of text beyond ASCII is not modelled.
  if (std::any_of(method.begin(), method.end(),
                  [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
    return "a Method beyond ASCII";
  std::string lower = method;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  // merged_definition_body = source_definition_body.copy(): the paths stay shared.
  body = body.py27Copy();
  // `.get("paths") or {}`: without paths (or with empty ones) the merge goes into a dict that is
  // thrown away.
  PyObject* paths = body.get("paths");
  if (!truthy(paths)) return std::nullopt;
  if (!paths->isDict()) return "paths that are not a map (SAM rejects the body)";
  // dict_deep_get(paths, [Path, Method]) or {}, which must be a map.
  PyObject* item = paths->get(path);
  if (item && item->kind() == PyObject::Kind::kNone)
    return "path " + path + " that is null (SAM fails on it)";
  if (item && !item->isDict()) return "path " + path + " that is not a map (SAM rejects it)";
  const PyObject* existing = item ? item->get(lower) : nullptr;
  if (truthy(existing) && !existing->isDict())
    return "method " + lower + " of path " + path + " that is not a map (SAM rejects it)";
  // {**path_method_body, **generated_path_method_body}: a plain dict, the user's keys first, the
  // generated values winning; a key keeps the object first put in.
  const PyObject* generatedPaths = generated.get("paths");
  const PyObject* generatedItem = generatedPaths ? generatedPaths->get(path) : nullptr;
  const PyObject* generatedMethod =
      generatedItem ? generatedItem->get(methodKey(method).name) : nullptr;
  if (!generatedMethod || !generatedMethod->isDict()) return "the generated method of " + path;
  PyObject merged = PyObject::dict(false);
  if (truthy(existing)) {
    for (const std::string& key : existing->keys())
      merged.set(key, *existing->get(key), existing->unicodeKey(key));
  }
  for (const std::string& key : generatedMethod->keys())
    merged.set(key, *generatedMethod->get(key), generatedMethod->unicodeKey(key));
  // The event's Path and Method come from the template (u'…' keys).
  if (!item) {
    PyObject fresh = PyObject::dict(false);
    fresh.set(lower, std::move(merged), true);
    paths->set(path, std::move(fresh), true);
  } else {
    item->set(lower, std::move(merged), true);
  }
  return std::nullopt;
}

}  // namespace samshift::expand::api
