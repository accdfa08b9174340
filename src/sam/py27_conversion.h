#pragma once
// Whether SAM's translator turns the template's dicts into Py27Dicts, which iterate in Python 2.7
// order (samtranslator/utils/py27hash_fix.py to_py27_compatible_template): only for a template
// with an AWS::Serverless::Api, an Api event, or an HttpApi DefaultAuthorizer. Otherwise its
// Resources, and so the order in which it translates them, keep the template's order.

#include "model/template.h"

namespace samshift::sam {

bool samConvertsToPy27(const model::Template& templ);

}  // namespace samshift::sam
