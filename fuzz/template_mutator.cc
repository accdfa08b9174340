#include "fuzz/template_mutator.h"

#include <string>
#include <vector>

#include "fuzz/template_values.h"
#include "fuzz/template_vocabulary.h"

namespace samshift::fuzz {

using model::MapEntry;
using model::Node;

std::string_view mutationName(Mutation mutation) {
  switch (mutation) {
    case Mutation::kReplaceValue:
      return "replace-value";
    case Mutation::kInsertReference:
      return "insert-reference";
    case Mutation::kSelfReferentialParameter:
      return "self-referential-parameter";
    case Mutation::kDuplicateKey:
      return "duplicate-key";
    case Mutation::kDeleteEntry:
      return "delete-entry";
    case Mutation::kRenameKey:
      return "rename-key";
    case Mutation::kCopySubtree:
      return "copy-subtree";
    case Mutation::kSetProperty:
      return "set-property";
    case Mutation::kChangeResourceType:
      return "change-resource-type";
    case Mutation::kAddResource:
      return "add-resource";
    case Mutation::kReplaceString:
      return "replace-string";
    case Mutation::kWrapValue:
      return "wrap-value";
    case Mutation::kDeepNest:
      return "deep-nest";
    case Mutation::kDenseList:
      return "dense-list";
  }
  return "unknown";
}

namespace {

// A node of the tree being mutated, with what it belongs to.
struct Site {
  Node* node = nullptr;
  std::string_view owner;  // the resource, parameter, condition or mapping it lies in, if any
  bool inSection = false;  // under Resources, Globals or Parameters: where mutations matter most
};

// Every node of the tree, root first. Pointers stay valid until the tree changes: a mutation
// picks what it needs, copies it, then changes the tree once.
std::vector<Site> indexTree(Node& root) {
  std::vector<Site> sites;
  struct Walk {
    std::vector<Site>& sites;
    void operator()(Node& node, size_t depth, std::string_view section, std::string_view owner) {
      sites.push_back(Site{
          &node, owner, section == "Resources" || section == "Globals" || section == "Parameters"});
      for (Node& item : node.items()) (*this)(item, depth + 1, section, owner);
      for (MapEntry& entry : node.entries()) {
        std::string_view key = entry.key.text();
        (*this)(entry.value, depth + 1, depth == 0 ? key : section, depth == 1 ? key : owner);
      }
    }
  };
  Walk{sites}(root, 0, {}, {});
  return sites;
}

void collectSubtrees(const Node& node, std::vector<const Node*>& into) {
  into.push_back(&node);
  for (const Node& item : node.items()) collectSubtrees(item, into);
  for (const MapEntry& entry : node.entries()) collectSubtrees(entry.value, into);
}

// `parent[key]` as a mapping, made one (and `parent` too) when it is something else.
Node& ensureMapping(Node& parent, std::string_view key) {
  if (!parent.isMapping()) parent = Node::mapping();
  Node* child = parent.get(key);
  if (!child) return parent.set(key, Node::mapping());
  if (!child->isMapping()) *child = Node::mapping();
  return *child;
}

// Sets `base.A.B.C` for the dotted path "A.B.C", making the mappings on the way.
void setPath(Node& base, std::string_view dotted, Node value) {
  Node* at = &base;
  for (size_t dot = dotted.find('.'); dot != std::string_view::npos; dot = dotted.find('.')) {
    at = &ensureMapping(*at, dotted.substr(0, dot));
    dotted.remove_prefix(dot + 1);
  }
  if (!at->isMapping()) *at = Node::mapping();
  at->set(dotted, std::move(value));
}

// One mutation's view of the tree: its nodes, its names, and a maker of values from both.
class Mutating {
 public:
  Mutating(Random& random, Node& root)
      : random_(random),
        root_(root),
        sites_(indexTree(root)),
        names_(TemplateNames::of(root)),
        values_(random, names_, subtrees_) {
    for (const Site& site : sites_) subtrees_.push_back(site.node);
  }

  void apply(Mutation mutation) {
    switch (mutation) {
      case Mutation::kReplaceValue:
        return replaceValue();
      case Mutation::kInsertReference:
        return insertReference();
      case Mutation::kSelfReferentialParameter:
        return selfReferentialParameter();
      case Mutation::kDuplicateKey:
        return duplicateKey();
      case Mutation::kDeleteEntry:
        return deleteEntry();
      case Mutation::kRenameKey:
        return renameKey();
      case Mutation::kCopySubtree:
        return copySubtree();
      case Mutation::kSetProperty:
        return setProperty();
      case Mutation::kChangeResourceType:
        return changeResourceType();
      case Mutation::kAddResource:
        return addResource();
      case Mutation::kReplaceString:
        return replaceString();
      case Mutation::kWrapValue:
        return wrapValue();
      case Mutation::kDeepNest:
        return deepNest();
      case Mutation::kDenseList:
        return denseList();
    }
  }

  void crossOver(const Node& donor) {
    const Node* donorResources = donor.get("Resources");
    if (donorResources && donorResources->isMapping() && !donorResources->entries().empty() &&
        random_.oneIn(2)) {
      MapEntry resource = random_.pick(donorResources->entries());
      ensureMapping(root_, "Resources").entries().push_back(std::move(resource));
      return;
    }
    std::vector<const Node*> donorSubtrees;
    collectSubtrees(donor, donorSubtrees);
    Node copy = *random_.pick(donorSubtrees);
    *pickSite().node = std::move(copy);
  }

 private:
  // A site other than the root, more often one under Resources, Globals or Parameters; the root
  // when the tree is a bare scalar.
  const Site& pickSite() {
    if (sites_.size() == 1) return sites_.front();
    if (!random_.oneIn(3)) {
      std::vector<const Site*> inSection;
      for (const Site& site : sites_) {
        if (site.inSection) inSection.push_back(&site);
      }
      if (!inSection.empty()) return *random_.pick(inSection);
    }
    return sites_[random_.between(1, sites_.size() - 1)];
  }

  template <typename Keep>
  const Site* pickSiteWhere(Keep keep) {
    std::vector<const Site*> kept;
    for (const Site& site : sites_) {
      if (keep(*site.node)) kept.push_back(&site);
    }
    return kept.empty() ? nullptr : random_.pick(kept);
  }

  std::string owner(const Site& site) const { return std::string(site.owner); }

  void replaceValue() {
    const Site& site = pickSite();
    Node value = values_.value(owner(site));
    *site.node = std::move(value);
  }

  void insertReference() {
    const Site& site = pickSite();
    *site.node = values_.reference(values_.target(owner(site)));
  }

  // The Properties of a resource (often a serverless one), or a section of Globals.
  Node& propertiesToChange() {
    if (random_.oneIn(4))
      return ensureMapping(ensureMapping(root_, "Globals"), random_.pick(globalsSections()));
    return ensureMapping(resourceToChange(), "Properties");
  }

  Node& resourceToChange() {
    Node& resources = ensureMapping(root_, "Resources");
    if (resources.entries().empty()) {
      Node function = Node::mapping();
      function.set("Type", Node::string("AWS::Serverless::Function"));
      return resources.set("Function", std::move(function));
    }
    // Two times in three a serverless resource, when there is one: that is where SAM's
    // traffic-shifting properties are read.
    std::vector<MapEntry*> serverless;
    for (MapEntry& entry : resources.entries()) {
      const Node* type = entry.value.get("Type");
      if (type && type->isString() && type->text().starts_with("AWS::Serverless::"))
        serverless.push_back(&entry);
    }
    Node& resource = !serverless.empty() && !random_.oneIn(3)
                         ? random_.pick(serverless)->value
                         : random_.pick(resources.entries()).value;
    if (!resource.isMapping()) resource = Node::mapping();
    return resource;
  }

  void selfReferentialParameter() {
    std::string name = names_.parameters.empty() || random_.oneIn(4)
                           ? "FuzzParameter"
                           : random_.pick(names_.parameters);
    std::string other = random_.oneIn(2) ? name : "FuzzOther";
    Node& parameters = ensureMapping(root_, "Parameters");
    for (const auto& [parameter, target] : {std::pair{name, other}, std::pair{other, name}}) {
      Node& declaration = ensureMapping(parameters, parameter);
      if (!declaration.has("Type")) declaration.set("Type", Node::string("String"));
      declaration.set("Default", values_.reference(target));
      if (parameter == other) break;
    }
    if (random_.oneIn(4)) return;
    Node use = random_.oneIn(2) ? intrinsic("Ref", Node::string(name)) : values_.reference(name);
    static constexpr std::string_view kUses[] = {
        "AutoPublishAlias",
        "DeploymentPreference.Type",
        "DeploymentPreference.Enabled",
        "DeploymentPreference.PassthroughCondition",
        "DeploymentPreference.Hooks.PreTraffic",
        "DeploymentPreference.Alarms",
        "ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions",
        "RoutingConfig.AdditionalVersionWeights",
        "FunctionVersion",
        "CodeUri",
        "AutoPublishCodeSha256"};
    setPath(propertiesToChange(), random_.pick(kUses), std::move(use));
  }

  void duplicateKey() {
    const Site* site =
        pickSiteWhere([](const Node& node) { return node.isMapping() && !node.entries().empty(); });
    if (!site) return replaceValue();
    std::vector<MapEntry>& entries = site->node->entries();
    MapEntry copy = random_.pick(entries);
    if (random_.oneIn(2)) copy.value = values_.value(owner(*site));
    entries.insert(entries.begin() + static_cast<ptrdiff_t>(random_.below(entries.size() + 1)),
                   std::move(copy));
  }

  void deleteEntry() {
    const Site* site = pickSiteWhere([](const Node& node) { return node.size() > 0; });
    if (!site) return replaceValue();
    Node& node = *site->node;
    if (node.isSequence()) {
      node.items().erase(node.items().begin() +
                         static_cast<ptrdiff_t>(random_.below(node.items().size())));
    } else {
      node.entries().erase(node.entries().begin() +
                           static_cast<ptrdiff_t>(random_.below(node.entries().size())));
    }
  }

  void renameKey() {
    const Site* site =
        pickSiteWhere([](const Node& node) { return node.isMapping() && !node.entries().empty(); });
    if (!site) return replaceValue();
    std::string name;
    switch (random_.below(4)) {
      case 0:
        name = values_.target(owner(*site));
        break;
      case 1:
        name = names_.generated.empty() ? "FunctionAliaslive" : random_.pick(names_.generated);
        break;
      case 2: {
        std::string_view path = random_.pick(propertyPaths());
        name = path.substr(path.rfind('.') + 1);
        break;
      }
      default:
        name = random_.pick(meaningfulStrings());
        break;
    }
    random_.pick(site->node->entries()).key = Node::string(std::move(name));
  }

  void copySubtree() {
    const Site& site = pickSite();
    Node copy = values_.copyOfSubtree();
    *site.node = std::move(copy);
  }

  void setProperty() {
    // The value first: it may copy a subtree the index points at, and finding the resource may
    // add a section to the root, which moves the root's values (the index then points at freed
    // memory).
    Node value = values_.value("");
    if (random_.oneIn(4)) {
      Node& resource = resourceToChange();
      setPath(resource, random_.pick(resourceAttributePaths()), std::move(value));
      return;
    }
    setPath(propertiesToChange(), random_.pick(propertyPaths()), std::move(value));
  }

  void changeResourceType() {
    std::string type = random_.oneIn(4) && !names_.resourceTypes.empty()
                           ? random_.pick(names_.resourceTypes)
                           : std::string(random_.pick(resourceTypes()));
    Node& resource = resourceToChange();
    resource.set("Type", Node::string(std::move(type)));
    if (random_.oneIn(2)) {
      Node properties[] = {Node::sequence(),  Node::mapping(),  Node::null(),
                           Node::string("x"), Node::integer(0), listOf({Node::mapping()})};
      resource.set("Properties", random_.pick(properties));
    }
  }

  void addResource() {
    std::string id;
    switch (random_.below(3)) {
      case 0:
        id = "Fuzz" + std::to_string(random_.below(4));
        break;
      case 1:
        id = names_.generated.empty() ? "FunctionAliaslive" : random_.pick(names_.generated);
        break;
      default:
        id = names_.resources.empty() ? "Function" : random_.pick(names_.resources);
        break;
    }
    Node resource = Node::mapping();
    resource.set("Type", Node::string(std::string(random_.pick(resourceTypes()))));
    Node properties = random_.oneIn(2) ? values_.copyOfSubtree() : values_.value(id);
    resource.set("Properties", std::move(properties));
    // Appended as it is, so that an ID already there is written twice.
    ensureMapping(root_, "Resources")
        .entries()
        .push_back(MapEntry{Node::string(std::move(id)), std::move(resource)});
  }

  void replaceString() {
    const Site* site = pickSiteWhere([](const Node& node) { return node.isString(); });
    if (!site) return replaceValue();
    *site->node = Node::string(values_.string(owner(*site)));
  }

  void wrapValue() {
    const Site& site = pickSite();
    Node inner = *site.node;
    switch (random_.below(4)) {
      case 0:
        *site.node = listOf({std::move(inner)});
        break;
      case 1:
        *site.node =
            intrinsic("Fn::If", listOf({Node::string(values_.target(owner(site))), inner, inner}));
        break;
      case 2: {
        Node map = Node::mapping();
        std::string_view path = random_.pick(propertyPaths());
        map.set(path.substr(0, path.find('.')), std::move(inner));
        *site.node = std::move(map);
        break;
      }
      default:
        *site.node = intrinsic(random_.oneIn(2) ? "Ref" : "Fn::Sub", std::move(inner));
        break;
    }
  }

  void deepNest() {
    const Site& site = pickSite();
    static constexpr size_t kLevels[] = {16, 100, 300, 510, 600};
    *site.node = values_.nest(*site.node, random_.pick(kLevels));
  }

  void denseList() {
    const Site& site = pickSite();
    static constexpr size_t kCounts[] = {64, 1000, 4000};
    // A scalar or an empty collection: copies of a whole resource would only exceed the size limit.
    Node item = site.node->size() == 0 && random_.oneIn(2) ? *site.node : values_.scalar();
    *site.node = ValueMaker::denseList(item, random_.pick(kCounts));
  }

  Random& random_;
  Node& root_;
  std::vector<Site> sites_;
  std::vector<const Node*> subtrees_;
  TemplateNames names_;
  ValueMaker values_;
};

// How often each mutation is chosen: the ones that reach traffic-shifting code most.
struct Weighted {
  Mutation mutation;
  size_t weight;
};
constexpr Weighted kWeights[] = {
    {Mutation::kReplaceValue, 4},
    {Mutation::kInsertReference, 3},
    {Mutation::kSelfReferentialParameter, 2},
    {Mutation::kDuplicateKey, 1},
    {Mutation::kDeleteEntry, 2},
    {Mutation::kRenameKey, 1},
    {Mutation::kCopySubtree, 2},
    {Mutation::kSetProperty, 6},
    {Mutation::kChangeResourceType, 2},
    {Mutation::kAddResource, 1},
    {Mutation::kReplaceString, 2},
    {Mutation::kWrapValue, 1},
    {Mutation::kDeepNest, 1},
    {Mutation::kDenseList, 1},
};

}  // namespace

Mutation TemplateMutator::mutate(Node& root) {
  size_t total = 0;
  for (const Weighted& weighted : kWeights) total += weighted.weight;
  size_t choice = random_.below(total);
  Mutation mutation = kWeights[0].mutation;
  for (const Weighted& weighted : kWeights) {
    if (choice < weighted.weight) {
      mutation = weighted.mutation;
      break;
    }
    choice -= weighted.weight;
  }
  apply(mutation, root);
  return mutation;
}

void TemplateMutator::apply(Mutation mutation, Node& root) {
  Mutating(random_, root).apply(mutation);
}

void TemplateMutator::crossOver(Node& root, const Node& donor) {
  Mutating(random_, root).crossOver(donor);
}

WriteStyle TemplateMutator::writeStyle() {
  static constexpr size_t kFlowDepths[] = {0, 1, 2, 3, 4, 6, 32, 32, 32, 32};
  WriteStyle style;
  style.format = random_.oneIn(5) ? TextFormat::kJson : TextFormat::kYaml;
  style.flowDepth = random_.pick(kFlowDepths);
  style.shortForms = !random_.oneIn(4);
  return style;
}

}  // namespace samshift::fuzz
