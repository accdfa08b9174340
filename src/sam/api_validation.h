#pragma once
// SAM's rejections of an AWS::Serverless::Api (sam_resources.py SamApi.property_types,
// model/api/api_generator.py), in the order SAM makes them.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/node.h"
#include "model/template.h"
#include "sam/validation.h"

namespace samshift::sam {

// Python's re.match of SwaggerEditor's version patterns on a str: `\A3(\.\d)(\.\d)?$`
// (_OPENAPI_VERSION_3_REGEX), or `\A[2-3](\.\d)(\.\d)?$` (the supported versions) when
// `anySupported`. Python's `$` also matches before a final newline. Non-ASCII text (where `\d`
// takes other digits) never matches.
bool openApiVersionMatches(std::string_view version, bool anySupported);

// The Globals plugin's fix_openapi_definitions on the OpenApiVersion of an API SAM manages: a
// value that is not a str but whose str() is 3.x becomes that str. Known for a number written d.d
// (its own str()); `unknown` is set for another float.
std::optional<std::string> fixedOpenApiVersion(const model::Node& version, bool& unknown);

// The Python types a SamApi property accepts (samtranslator/model/types.py).
enum ApiAccepts : unsigned { kApiStr = 1, kApiDict = 2, kApiBool = 4, kApiList = 8, kApiInt = 16 };

struct ApiProperty {
  const char* name;
  unsigned accepts;  // ApiAccepts
  bool intrinsics;   // PropertyType lets any intrinsic through; Property does not
  bool typeMessage;  // a wrong type gets "Type of property 'X' is invalid." first
};

// SamApi.property_types, in its order; the property of that name, or null.
std::span<const ApiProperty> apiProperties();
const ApiProperty* apiProperty(std::string_view name);

// Whether Resource.validate_properties takes the value; unknown for a number samshift keeps as
// a float where an int is expected (it may be a Python int beyond 64 bits).
enum class TypeVerdict { kRight, kWrong, kUnknown };
TypeVerdict apiPropertyType(const model::Node& value, const ApiProperty& property);

// The implicit ServerlessRestApi's rejection of its `Globals: Api` Cors (checkCors, and a falsy
// AllowOrigin, which every path SAM makes lacks OPTIONS for), under the API's ID; only when that
// section holds Cors alone (other properties' checks come first, not modelled here) and the
// implicit API plugin makes the API.
std::optional<SamProblem> implicitRestApiCorsProblem(const model::Template& templ);

// `props`: the resource's Properties with Globals.
void validateApi(const model::Template& templ, const model::ResourceView& resource,
                 const model::Node& props, std::vector<SamProblem>& out);

}  // namespace samshift::sam
