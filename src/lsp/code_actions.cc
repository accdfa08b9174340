#include "lsp/code_actions.h"

#include <re2/re2.h>

#include "model/template.h"
#include "plan/schedule.h"
#include "sam/codedeploy_resources.h"
#include "sam/deployment_configs.h"
#include "sam/globals.h"

namespace samshift::lsp {

namespace {

bool overlaps(core::Span a, core::Span b) {
  return a.known() && b.known() && a.begin <= b.end && b.begin <= a.end;
}

const core::Diagnostic* findingAt(const Analysis& analysis, std::string_view code,
                                  core::Span span) {
  for (const core::Diagnostic& diagnostic : analysis.diagnostics) {
    if (diagnostic.code == code && overlaps(diagnostic.span, span)) return &diagnostic;
  }
  return nullptr;
}

uint32_t lineStartOf(const core::SourceFile& source, uint32_t offset) {
  return source.offsetOf(source.position(offset).line, 1);
}

std::string leadingSpace(std::string_view line) {
  size_t n = 0;
  while (n < line.size() && (line[n] == ' ' || line[n] == '\t')) ++n;
  return std::string(line.substr(0, n));
}

// Inserts `key: value` as a sibling just before `before` (a key of the same mapping), in the
// mapping's own style.
TextEdit insertSibling(const model::Document& document, const model::Node& mapping,
                       const model::Node& before, std::string_view key, std::string_view value) {
  const core::SourceFile& source = document.source;
  if (document.format == model::Format::kJson) {
    return TextEdit{core::Span{before.span().begin, before.span().begin},
                    "\"" + std::string(key) + "\": \"" + std::string(value) + "\", "};
  }
  if (mapping.style() == model::NodeStyle::kFlow) {
    return TextEdit{core::Span{before.span().begin, before.span().begin},
                    std::string(key) + ": " + std::string(value) + ", "};
  }
  uint32_t lineStart = lineStartOf(source, before.span().begin);
  std::string indent(before.span().begin - lineStart, ' ');
  // The new line ends like the line it goes before (CRLF, CR or LF), so the file keeps its breaks.
  std::string lineBreak(source.lineBreakOf(source.position(before.span().begin).line));
  // `- Key:` items: the sibling goes on its own line at the key's column.
  std::string_view prefix(source.text().data() + lineStart, before.span().begin - lineStart);
  if (prefix.find_first_not_of(' ') != std::string_view::npos) {
    return TextEdit{core::Span{before.span().begin, before.span().begin},
                    std::string(key) + ": " + std::string(value) + lineBreak + indent};
  }
  return TextEdit{core::Span{lineStart, lineStart},
                  indent + std::string(key) + ": " + std::string(value) + lineBreak};
}

void addMissingAlias(const Analysis& analysis, const model::Template& templ, core::Span range,
                     std::vector<CodeAction>& out) {
  for (const model::ResourceView& resource : templ.resources()) {
    bool function = resource.type == "AWS::Serverless::Function";
    if (!function && resource.type != "AWS::Serverless::StateMachine") continue;
    core::Span resourceSpan{resource.idNode->span().begin, resource.node->span().end};
    if (!overlaps(resourceSpan, range)) continue;
    if (!resource.properties || !resource.properties->isMapping() ||
        resource.properties->entries().empty())
      continue;
    if (sam::propertySource(templ, resource, "AutoPublishAlias")) continue;
    const model::Node* preference = sam::propertySource(templ, resource, "DeploymentPreference");
    if (!preference) continue;
    // Next to a local preference; for one from Globals, at the top of this function's
    // Properties, so that other functions are not changed behind the user's back.
    const model::MapEntry* local = resource.properties->entry("DeploymentPreference");
    const model::Node& before = local ? local->key : resource.properties->entries().front().key;
    if (!before.span().known()) continue;
    CodeAction action;
    action.title = "Add `AutoPublishAlias: " + std::string(kDefaultAliasName) + "` to `" +
                   std::string(resource.id) + "`";
    action.edits.push_back(insertSibling(analysis.document, *resource.properties, before,
                                         "AutoPublishAlias", kDefaultAliasName));
    action.diagnostic = findingAt(analysis, function ? "D001" : "S001", resourceSpan);
    action.preferred = true;
    out.push_back(std::move(action));
  }
}

// A custom configuration of the template: named by its DeploymentConfigName, or (a mistake plan
// notes, not a misspelt predefined name) by its logical id.
bool isCustomConfig(const model::Template& templ, const model::Node& typeNode) {
  const model::ResourceView* byId = templ.resource(typeNode.text());
  if (byId && byId->type == sam::kDeploymentConfigType) return true;
  return sam::namedCustomConfig(templ, sam::ParameterValues(templ), typeNode) != nullptr;
}

void replaceUnknownType(const Analysis& analysis, const model::Node& typeNode, core::Span range,
                        const model::Template& templ, std::vector<CodeAction>& out) {
  if (!typeNode.isString() || !typeNode.span().known() || !overlaps(typeNode.span(), range)) return;
  if (sam::findLambdaDeploymentConfig(typeNode.text()) || isCustomConfig(templ, typeNode)) return;
  std::vector<std::string_view> nearest = sam::nearestLambdaConfigNames(typeNode.text());
  // The scalar as written: replace inside its quotes, if any.
  core::Span span = typeNode.span();
  const std::string& text = analysis.document.source.text();
  if (span.end > span.begin + 1 && span.end <= text.size() &&
      (text[span.begin] == '"' || text[span.begin] == '\'') &&
      text[span.end - 1] == text[span.begin]) {
    span = core::Span{span.begin + 1, span.end - 1};
  }
  for (size_t i = 0; i < nearest.size(); ++i) {
    CodeAction action;
    action.title = "Replace `" + typeNode.text() + "` with `" + std::string(nearest[i]) + "`";
    action.edits.push_back(TextEdit{span, std::string(nearest[i])});
    action.diagnostic = findingAt(analysis, "D002", typeNode.span());
    action.preferred = i == 0;
    out.push_back(std::move(action));
  }
}

void replaceUnknownTypes(const Analysis& analysis, const model::Template& templ, core::Span range,
                         std::vector<CodeAction>& out) {
  auto visit = [&](const model::Node* holder) {
    const model::Node* preference = holder ? holder->get("DeploymentPreference") : nullptr;
    const model::Node* type = preference ? preference->get("Type") : nullptr;
    if (type) replaceUnknownType(analysis, *type, range, templ, out);
  };
  for (const model::ResourceView& resource : templ.resources()) {
    if (resource.type == "AWS::Serverless::Function") visit(resource.properties);
  }
  if (templ.globals()) visit(templ.globals()->get("Function"));
}

// `# samshift: ignore[CODE]` on the line above the finding, or CODE added to such a comment.
void ignoreComments(const Analysis& analysis, core::Span range, std::vector<CodeAction>& out) {
  static const RE2 kExisting(R"((#\s*samshift:\s*ignore\[)([A-Za-z0-9_, -]*)\])");
  if (analysis.document.format == model::Format::kJson) return;
  const core::SourceFile& source = analysis.document.source;
  std::vector<std::pair<uint32_t, std::string>> done;  // (line, code) already offered
  for (const core::Diagnostic& diagnostic : analysis.diagnostics) {
    core::Span span = diagnostic.span.known() ? diagnostic.span : core::Span{0, 0};
    if (!overlaps(span, range)) continue;
    uint32_t line = source.position(span.begin).line;
    bool seen = false;
    for (const auto& [l, c] : done) seen = seen || (l == line && c == diagnostic.code);
    if (seen) continue;
    done.emplace_back(line, diagnostic.code);

    CodeAction action;
    action.title =
        "Ignore " + diagnostic.code + " here (`# samshift: ignore[" + diagnostic.code + "]`)";
    action.diagnostic = &diagnostic;
    std::string_view above = line > 1 ? source.lineText(line - 1) : std::string_view();
    re2::StringPiece head, codes;
    if (RE2::PartialMatch(above, kExisting, &head, &codes)) {
      uint32_t at = source.offsetOf(line - 1, 1) +
                    static_cast<uint32_t>(codes.data() - above.data() + codes.size());
      std::string separator = codes.empty() ? "" : ", ";
      action.edits.push_back(TextEdit{core::Span{at, at}, separator + diagnostic.code});
    } else {
      uint32_t start = source.offsetOf(line, 1);
      std::string indent = leadingSpace(source.lineText(line));
      // A `- item` line: indent the comment like the item's dash.
      std::string comment = indent + "# samshift: ignore[" + diagnostic.code + "]";
      action.edits.push_back(
          TextEdit{core::Span{start, start}, comment + std::string(source.lineBreakOf(line))});
    }
    out.push_back(std::move(action));
  }
}

}  // namespace

std::vector<CodeAction> codeActions(const Analysis& analysis, core::Span range) {
  std::vector<CodeAction> out;
  if (!analysis.isTemplate) return out;
  if (analysis.document.parsed) {
    const model::Template& templ = analysis.templ();
    addMissingAlias(analysis, templ, range, out);
    replaceUnknownTypes(analysis, templ, range, out);
  }
  ignoreComments(analysis, range, out);
  return out;
}

}  // namespace samshift::lsp
