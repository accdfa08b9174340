#pragma once
// The order in which SAM meets a template's resources. Once SAM has made a template with an API
// Python 2.7-compatible (utils/py27hash_fix.py to_py27_compatible_template), its Resources is a
// Py27Dict, which iterates in Python 2.7's hash order, and the implicit API plugins add (and may
// remove) ServerlessRestApi and ServerlessHttpApi. docs/sam-semantics.md §2.6.

#include <vector>

#include "model/template.h"

namespace samshift::expand {

// Whether SAM's Resources is a Py27Dict: the template has an AWS::Serverless::Api, an Api event on
// a function or state machine, or an HttpApi with a DefaultAuthorizer (_template_has_api_resource,
// _template_has_httpapi_resource_with_default_authorizer).
bool resourcesArePy27Dict(const model::Template& templ);

// Sorts `resources`, already in SAM's transform order (sam::transformOrder), in the order the
// translator meets them within each kind (_get_resources_to_iterate over the Py27Dict).
void orderAsTranslatorIterates(const model::Template& templ,
                               std::vector<const model::ResourceView*>& resources);

// The logical IDs as the implicit REST API plugin iterates them (its ServerlessRestApi added).
std::vector<std::string> implicitApiPluginOrder(const model::Template& templ);

}  // namespace samshift::expand
