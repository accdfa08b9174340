#include "engine/suppression.h"

#include <re2/re2.h>

#include <algorithm>
#include <string>
#include <unordered_map>

#include "engine/registry.h"
#include "engine/runner.h"

namespace samshift::engine {

namespace {

// One code of one suppression, where it was written and what it covers.
struct Suppression {
  std::string code;
  core::Span written;  // the code as written, for X002
  bool comment = false;
  bool everywhere = false;  // the template's own Metadata
  core::Span scope;         // Metadata: the covered text
  uint32_t line = 0;        // comment: its line; it covers that line and the next
  bool used = false;
};

// A suppression names rules as --select does: a code, a prefix of codes, or a slug.
bool suppresses(const std::string& name, std::string_view code, std::string_view slug) {
  return !name.empty() && (code.substr(0, name.size()) == name || slug == name);
}

void addMetadataCodes(const model::Node* metadata, core::Span scope, bool everywhere,
                      std::vector<Suppression>& out) {
  const model::Node* ours = metadata ? metadata->get("samshift") : nullptr;
  const model::Node* ignore = ours ? ours->get("ignore") : nullptr;
  if (!ignore) return;
  auto add = [&](const model::Node& item) {
    if (item.isString() && !item.text().empty()) {
      out.push_back(Suppression{item.text(), item.span(), false, everywhere, scope});
    }
  };
  add(*ignore);
  for (const model::Node& item : ignore->items()) add(item);
}

// Comment suppressions: `# samshift: ignore[A, some-slug]`, each name with its own span.
void addCommentCodes(const core::SourceFile& source, std::vector<Suppression>& out) {
  static const RE2 kComment(R"((?:^|\s)#\s*samshift:\s*ignore\[([A-Za-z0-9_, -]+)\])");
  if (source.text().find("samshift:") == std::string::npos) return;
  for (uint32_t line = 1; line <= source.lineCount(); ++line) {
    std::string_view text = source.lineText(line);
    if (text.find("samshift:") == std::string_view::npos) continue;
    re2::StringPiece list;
    if (!RE2::PartialMatch(text, kComment, &list)) continue;
    uint32_t listOffset =
        source.offsetOf(line, 1) + static_cast<uint32_t>(list.data() - text.data());
    size_t start = 0;
    while (start <= list.size()) {
      size_t comma = std::min(list.find(',', start), list.size());
      size_t begin = start;
      size_t end = comma;
      while (begin < end && (list[begin] == ' ' || list[begin] == '\t')) ++begin;
      while (end > begin && (list[end - 1] == ' ' || list[end - 1] == '\t')) --end;
      if (end > begin) {
        Suppression s;
        s.code = std::string(list.substr(begin, end - begin));
        s.written = core::Span{listOffset + static_cast<uint32_t>(begin),
                               listOffset + static_cast<uint32_t>(end)};
        s.comment = true;
        s.line = line;
        out.push_back(std::move(s));
      }
      start = comma + 1;
    }
  }
}

std::vector<Suppression> collect(const model::Document& document, const model::Template& templ) {
  std::vector<Suppression> out;
  addMetadataCodes(templ.section("Metadata"),
                   core::Span{0, static_cast<uint32_t>(document.source.text().size()) + 1}, true,
                   out);
  for (const model::ResourceView& resource : templ.resources()) {
    addMetadataCodes(resource.metadata,
                     core::Span{resource.idNode->span().begin, resource.node->span().end}, false,
                     out);
  }
  addCommentCodes(document.source, out);
  return out;
}

// The suppressions that may cover a finding, found without looking at the others: templates
// carry a suppression per resource and a finding per resource by the ten thousand.
class SuppressionIndex {
 public:
  SuppressionIndex(std::vector<Suppression>& all, const core::SourceFile& source)
      : all_(all), source_(source) {
    for (size_t i = 0; i < all_.size(); ++i) {
      const Suppression& s = all_[i];
      if (s.comment) {
        byLine_[s.line].push_back(i);
      } else if (s.everywhere) {
        everywhere_.push_back(i);
      } else {
        scoped_.push_back(i);
      }
    }
    std::sort(scoped_.begin(), scoped_.end(),
              [&](size_t a, size_t b) { return all_[a].scope.begin < all_[b].scope.begin; });
    uint32_t reach = 0;
    for (size_t i : scoped_) reachEnd_.push_back(reach = std::max(reach, all_[i].scope.end));
  }

  // Marks every suppression that covers `d`; true when at least one does.
  bool suppress(const core::Diagnostic& d) {
    if (d.code == kRuleFailedCode || !d.span.known()) return false;
    bool covered = false;
    auto consider = [&](size_t i) {
      Suppression& s = all_[i];
      if (!suppresses(s.code, d.code, d.slug)) return;
      s.used = true;
      covered = true;
    };
    if (!byLine_.empty()) {
      // A comment covers its own line and the next.
      uint32_t line = source_.position(d.span.begin).line;
      for (uint32_t written : {line, line - 1}) {
        auto it = byLine_.find(written);
        if (it != byLine_.end()) std::for_each(it->second.begin(), it->second.end(), consider);
      }
    }
    std::for_each(everywhere_.begin(), everywhere_.end(), consider);
    // Resource scopes start in order and rarely overlap: walk back from the last one that starts
    // at or before the finding while an earlier one may still reach it.
    const uint32_t at = d.span.begin;
    size_t i =
        std::upper_bound(scoped_.begin(), scoped_.end(), at,
                         [&](uint32_t offset, size_t s) { return offset < all_[s].scope.begin; }) -
        scoped_.begin();
    while (i > 0 && reachEnd_[i - 1] > at) {
      --i;
      if (at < all_[scoped_[i]].scope.end) consider(scoped_[i]);
    }
    return covered;
  }

 private:
  std::vector<Suppression>& all_;
  const core::SourceFile& source_;
  std::unordered_map<uint32_t, std::vector<size_t>> byLine_;  // comments by the line they are on
  std::vector<size_t> everywhere_;                            // the template's own Metadata
  std::vector<size_t> scoped_;                                // resources' Metadata, by start
  std::vector<uint32_t> reachEnd_;  // the furthest end among scoped_[0..i]
};

// Why a suppression is unused, in words; empty when it cannot be judged.
std::string unusedReason(const Suppression& s, const RuleSelection& selection) {
  bool known = false;
  bool ran = false;
  for (const Rule* rule : Registry::instance().rules()) {
    const RuleInfo& info = rule->info();
    if (!namesRule(s.code, info)) continue;
    known = true;
    if (selection.enabled(info)) ran = true;
  }
  if (!known) return "Suppression of `" + s.code + "` names no rule";
  if (!ran) return "Suppression of `" + s.code + "` names no rule that ran";
  return "Suppression of `" + s.code + "` matched no finding";
}

}  // namespace

void applySuppressions(const model::Document& document, const model::Template& templ,
                       const RuleSelection& selection, std::vector<core::Diagnostic>& diagnostics) {
  const Rule* unusedRule = Registry::instance().find(kUnusedSuppressionCode);
  bool reportUnused = unusedRule && selection.enabled(unusedRule->info()) && document.parsed;
  if (diagnostics.empty() && !reportUnused) return;
  std::vector<Suppression> all = collect(document, templ);
  if (all.empty()) return;

  SuppressionIndex index(all, document.source);
  auto suppressed = [&](const core::Diagnostic& d) { return index.suppress(d); };
  // A rule that failed may have missed what a suppression was written for.
  bool ruleFailed =
      std::any_of(diagnostics.begin(), diagnostics.end(),
                  [](const core::Diagnostic& d) { return d.code == kRuleFailedCode; });
  diagnostics.erase(std::remove_if(diagnostics.begin(), diagnostics.end(), suppressed),
                    diagnostics.end());
  if (!reportUnused || ruleFailed) return;

  const RuleInfo& info = unusedRule->info();
  std::vector<core::Diagnostic> unused;
  for (const Suppression& s : all) {
    // An X002 suppression is judged by the X002 findings below, never reported itself.
    if (s.used || suppresses(s.code, info.code, info.slug)) continue;
    unused.push_back(core::Diagnostic{std::string(info.code),
                                      std::string(info.slug),
                                      selection.severityOf(info),
                                      s.written,
                                      unusedReason(s, selection),
                                      {}});
  }
  for (core::Diagnostic& d : unused) {
    if (!index.suppress(d)) diagnostics.push_back(std::move(d));
  }
}

}  // namespace samshift::engine
