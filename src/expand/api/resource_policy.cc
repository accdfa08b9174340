#include "expand/api/resource_policy.h"

#include <utility>
#include <vector>

#include "model/intrinsics.h"
#include "sam/deployment_model.h"

namespace samshift::expand::api {

using model::MapEntry;
using model::Node;

namespace {

constexpr const char* kPolicyKey = "x-amazon-apigateway-policy";
constexpr const char* kAnyMethod = "x-amazon-apigateway-any-method";

using sam::truthy;

bool isSourceVpcKey(const std::string& key) {
  return key == "SourceVpcWhitelist" || key == "SourceVpcBlacklist";
}

bool isIntrinsicVpcKey(const std::string& key) {
  return key == "IntrinsicVpcWhitelist" || key == "IntrinsicVpceWhitelist" ||
         key == "IntrinsicVpcBlacklist" || key == "IntrinsicVpceBlacklist";
}

bool isPathParameterChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '-';
}

// get_path_without_trailing_slash: every `{name}` or `{name+}` becomes `*`.
std::string withoutPathParameters(const std::string& path) {
  std::string out;
  for (size_t at = 0; at < path.size();) {
    if (path[at] == '{') {
      size_t end = at + 1;
      while (end < path.size() && isPathParameterChar(path[end])) ++end;
      if (end > at + 1 && end < path.size() && path[end] == '+') ++end;
      if (end > at + 1 && end < path.size() && path[end] == '}' && path[end - 1] != '{') {
        out += '*';
        at = end + 1;
        continue;
      }
    }
    out += path[at++];
  }
  return out;
}

std::string upperAscii(std::string text) {
  for (char& c : text) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return text;
}

// _get_method_path_uri_list: a Fn::Sub of `execute-api:/${__Stage__}/METHOD/path` for every
// method of the path (fnSub's plain dicts).
PyObject methodUris(const PyObject& body, const std::string& path, const PyObject& stage,
                    bool unicodePath) {
  const PyObject& item = *body.get("paths")->get(path);
  PyObject uris = PyObject::list();
  for (const std::string& method : item.keys()) {
    bool any = method == kAnyMethod || method == "any";
    std::string text = "execute-api:/${__Stage__}/" +
                       (any ? std::string("*") : upperAscii(method)) + withoutPathParameters(path);
    PyObject variables = PyObject::dict(false);
    variables.set("__Stage__", stage);
    PyObject arguments = PyObject::list();
    arguments.push(PyObject::str(text, unicodePath || (!any && item.keyIsUnicode(method))));
    arguments.push(std::move(variables));
    PyObject sub = PyObject::dict(false);
    sub.set("Fn::Sub", std::move(arguments));
    uris.push(std::move(sub));
  }
  return uris;
}

bool sameStatement(const PyObject& a, const PyObject& b) {
  return a.toNode(PyObject::DictOrder::kInsertion)
      .sameValue(b.toNode(PyObject::DictOrder::kInsertion));
}

// The editor's resource_policy: the body's policy when it has a truthy one, else a new Py27Dict.
PyObject currentPolicy(const PyObject& body) {
  const PyObject* existing = body.get(kPolicyKey);
  if (existing && existing->isDict() && !existing->keys().empty()) return *existing;
  return PyObject::dict(true);
}

// The policy's Statement as a list (a single statement is wrapped).
PyObject statementList(const PyObject& policy) {
  const PyObject* statement = policy.get("Statement");
  if (statement->kind() == PyObject::Kind::kList) return *statement;
  PyObject list = PyObject::list();
  list.push(*statement);
  return list;
}

// Appends each statement the list does not hold yet (`if s not in statement`).
void appendNew(PyObject& policy, const std::vector<PyObject>& statements) {
  PyObject list = statementList(policy);
  for (const PyObject& statement : statements) {
    bool present = false;
    for (const PyObject& existing : list.items())
      present = present || sameStatement(existing, statement);
    if (!present) list.push(statement);
  }
  policy.set("Statement", std::move(list));
}

PyObject statement(const char* effect, const PyObject& resources) {
  PyObject out = PyObject::dict(true);
  out.set("Effect", PyObject::str(effect));
  out.set("Action", PyObject::str("execute-api:Invoke"));
  out.set("Resource", resources);
  return out;
}

PyObject listOrWrapped(const Node& value) {
  if (value.isSequence()) return PyObject::fromTemplate(value);
  PyObject list = PyObject::list();
  list.push(PyObject::fromTemplate(value));
  return list;
}

// _add_iam_resource_policy_for_method.
void addIamStatement(PyObject& policy, const Node* accounts, const char* effect,
                     const PyObject& resources) {
  if (!truthy(accounts)) return;
  policy.set("Version", PyObject::str("2012-10-17"));
  PyObject added = statement(effect, resources);
  PyObject principal = PyObject::dict(true);
  principal.set("AWS", listOrWrapped(*accounts));
  added.set("Principal", std::move(principal));
  if (!policy.get("Statement")) {
    policy.set("Statement", std::move(added));
  } else {
    PyObject list = statementList(policy);
    list.push(std::move(added));
    policy.set("Statement", std::move(list));
  }
}

// The Allow-all and conditional Deny statements of the IP and VPC policies.
void addAllowAndDeny(PyObject& policy, const PyObject& resources, PyObject condition) {
  policy.set("Version", PyObject::str("2012-10-17"));
  PyObject allow = statement("Allow", resources);
  allow.set("Principal", PyObject::str("*"));
  PyObject deny = statement("Deny", resources);
  deny.set("Principal", PyObject::str("*"));
  deny.set("Condition", std::move(condition));
  if (!policy.get("Statement")) {
    PyObject list = PyObject::list();
    list.push(std::move(allow));
    list.push(std::move(deny));
    policy.set("Statement", std::move(list));
  } else {
    appendNew(policy, {allow, deny});
  }
}

// _add_ip_resource_policy_for_method.
void addIpStatements(PyObject& policy, const Node* ranges, const char* conditional,
                     const PyObject& resources) {
  if (!truthy(ranges)) return;
  PyObject sourceIp = PyObject::dict(false);
  sourceIp.set("aws:SourceIp", listOrWrapped(*ranges));
  PyObject condition = PyObject::dict(false);
  condition.set(conditional, std::move(sourceIp));
  addAllowAndDeny(policy, resources, std::move(condition));
}

// _add_vpc_resource_policy_for_method: the vpc- and vpce- endpoints of the string list, then the
// intrinsic lists.
void addVpcStatements(PyObject& policy, const Node* endpoints, const Node* vpcs, const Node* vpces,
                      const char* conditional, const PyObject& resources) {
  PyObject condition = PyObject::dict(true);
  auto extend = [&](const char* key, const Node& item) {
    condition.setdefault(key, PyObject::list()).push(PyObject::fromTemplate(item));
  };
  if (endpoints && !endpoints->isNull()) {
    std::vector<const Node*> vpcList, vpceList;
    for (const Node& endpoint : endpoints->items()) {
      if (endpoint.text().rfind("vpce-", 0) == 0) vpceList.push_back(&endpoint);
      if (endpoint.text().rfind("vpc-", 0) == 0) vpcList.push_back(&endpoint);
    }
    for (const Node* endpoint : vpcList) extend("aws:SourceVpc", *endpoint);
    for (const Node* endpoint : vpceList) extend("aws:SourceVpce", *endpoint);
  }
  if (vpcs && !vpcs->isNull()) {
    condition.setdefault("aws:SourceVpc", PyObject::list());
    for (const Node& item : vpcs->items()) extend("aws:SourceVpc", item);
  }
  if (vpces && !vpces->isNull()) {
    condition.setdefault("aws:SourceVpce", PyObject::list());
    for (const Node& item : vpces->items()) extend("aws:SourceVpce", item);
  }
  auto empty = [&](const char* key) {
    const PyObject* list = condition.get(key);
    return !list || list->items().empty();
  };
  if (empty("aws:SourceVpc") && empty("aws:SourceVpce")) return;
  PyObject wrapped = PyObject::dict(false);
  wrapped.set(conditional, std::move(condition));
  addAllowAndDeny(policy, resources, std::move(wrapped));
}

}  // namespace

std::string unsupportedResourcePolicy(const Node& policy) {
  if (!policy.isMapping() || policy.isIntrinsic()) return "a ResourcePolicy that is not a map";
  for (const MapEntry& entry : policy.entries()) {
    const std::string& key = entry.key.text();
    const Node& value = entry.value;
    if (key == "AwsAccountWhitelist" || key == "AwsAccountBlacklist") {
      if (sam::pythonTruthy(value) && !value.isSequence() && !value.isMapping())
        return key + " that is not a list or a map";
    } else if (key == "IpRangeWhitelist" || key == "IpRangeBlacklist" ||
               key == "CustomStatements") {
      continue;
    } else if (isSourceVpcKey(key) || isIntrinsicVpcKey(key)) {
      if (value.isNull()) continue;
      if (!value.isSequence()) return key + " that is not a list";
      for (const Node& item : value.items()) {
        if (isSourceVpcKey(key) && !item.isString())
          return key + " with an item that is not a string";
      }
    } else {
      return "ResourcePolicy property " + key;
    }
  }
  return "";
}

void addResourcePolicy(PyObject& body, const Node& policy, const std::string& path,
                       const PyObject& stage, bool unicodePath) {
  PyObject resourcePolicy = currentPolicy(body);
  PyObject resources = methodUris(body, path, stage, unicodePath);
  addIamStatement(resourcePolicy, policy.get("AwsAccountWhitelist"), "Allow", resources);
  addIamStatement(resourcePolicy, policy.get("AwsAccountBlacklist"), "Deny", resources);
  addIpStatements(resourcePolicy, policy.get("IpRangeWhitelist"), "NotIpAddress", resources);
  addIpStatements(resourcePolicy, policy.get("IpRangeBlacklist"), "IpAddress", resources);
  addVpcStatements(resourcePolicy, policy.get("SourceVpcBlacklist"),
                   policy.get("IntrinsicVpcBlacklist"), policy.get("IntrinsicVpceBlacklist"),
                   "StringEquals", resources);
  addVpcStatements(resourcePolicy, policy.get("SourceVpcWhitelist"),
                   policy.get("IntrinsicVpcWhitelist"), policy.get("IntrinsicVpceWhitelist"),
                   "StringNotEquals", resources);
  body.set(kPolicyKey, std::move(resourcePolicy));
}

void addCustomStatements(PyObject& body, const Node& policy) {
  const Node* custom = policy.get("CustomStatements");
  if (!truthy(custom)) return;
  PyObject resourcePolicy = currentPolicy(body);
  resourcePolicy.set("Version", PyObject::str("2012-10-17"));
  if (!resourcePolicy.get("Statement")) {
    resourcePolicy.set("Statement", PyObject::fromTemplate(*custom));
  } else {
    std::vector<PyObject> statements;
    if (custom->isSequence()) {
      for (const Node& item : custom->items()) statements.push_back(PyObject::fromTemplate(item));
    } else {
      statements.push_back(PyObject::fromTemplate(*custom));
    }
    appendNew(resourcePolicy, statements);
  }
  body.set(kPolicyKey, std::move(resourcePolicy));
}

}  // namespace samshift::expand::api
