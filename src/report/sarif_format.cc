#include "report/sarif_format.h"

#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/prettywriter.h>

#include <map>

#include "report/relative_path.h"

namespace samshift::report {

namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::OStreamWrapper>;

void putString(Writer& writer, std::string_view text) {
  writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

void putMessage(Writer& writer, std::string_view text) {
  writer.StartObject();
  writer.Key("text");
  putString(writer, text);
  writer.EndObject();
}

std::string_view levelOf(core::Severity severity) {
  switch (severity) {
    case core::Severity::kError:
      return "error";
    case core::Severity::kWarning:
      return "warning";
    case core::Severity::kInfo:
      return "note";
  }
  return "error";
}

void putRegion(Writer& writer, core::Range range) {
  writer.Key("region");
  writer.StartObject();
  writer.Key("startLine");
  writer.Uint(range.begin.line);
  writer.Key("startColumn");
  writer.Uint(range.begin.column);
  writer.Key("endLine");
  writer.Uint(range.end.line);
  writer.Key("endColumn");
  writer.Uint(range.end.column);
  writer.EndObject();
}

void putPhysicalLocation(Writer& writer, const std::string& uri, const core::SourceFile& source,
                         core::Span span) {
  writer.Key("physicalLocation");
  writer.StartObject();
  writer.Key("artifactLocation");
  writer.StartObject();
  writer.Key("uri");
  putString(writer, uri);
  writer.Key("uriBaseId");
  writer.String("%SRCROOT%");
  writer.EndObject();
  if (span.known()) putRegion(writer, source.range(span));
  writer.EndObject();
}

void putRule(Writer& writer, const core::RuleInfo& info, const SarifOptions& options) {
  writer.StartObject();
  writer.Key("id");
  putString(writer, info.code);
  writer.Key("name");
  putString(writer, info.slug);
  writer.Key("shortDescription");
  putMessage(writer, info.summary);
  writer.Key("fullDescription");
  std::string what = docSection(info.doc, "What it does");
  putMessage(writer, what.empty() ? std::string(info.summary) : what);
  if (!info.doc.empty()) {
    writer.Key("help");
    writer.StartObject();
    writer.Key("text");
    putString(writer, info.doc);
    writer.Key("markdown");
    putString(writer, info.doc);
    writer.EndObject();
  }
  if (!options.helpUriBase.empty()) {
    writer.Key("helpUri");
    putString(writer, options.helpUriBase + std::string(info.code));
  }
  writer.Key("defaultConfiguration");
  writer.StartObject();
  writer.Key("level");
  putString(writer, levelOf(info.severity));
  writer.EndObject();
  writer.EndObject();
}

std::string directoryUri(const std::string& directory) {
  std::string uri = "file://" + uriReference(directory);
  if (uri.back() != '/') uri += '/';
  return uri;
}

}  // namespace

std::string uriReference(std::string_view path) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                 c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (plain) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string docSection(std::string_view doc, std::string_view heading) {
  std::string marker = "## " + std::string(heading) + "\n";
  size_t start = doc.rfind(marker, 0) == 0 ? 0 : doc.find("\n" + marker);
  if (start == std::string_view::npos) return {};
  start = doc.find('\n', start + (doc[start] == '\n' ? 1 : 0)) + 1;
  size_t end = doc.find("\n## ", start);
  std::string_view body =
      doc.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
  while (!body.empty() && (body.back() == '\n' || body.back() == ' ')) body.remove_suffix(1);
  while (!body.empty() && body.front() == '\n') body.remove_prefix(1);
  return std::string(body);
}

void writeSarif(std::ostream& out, const std::vector<FileReport>& files,
                const std::vector<const core::RuleInfo*>& rules, const SarifOptions& options) {
  std::map<std::string_view, size_t> ruleIndex;
  for (size_t i = 0; i < rules.size(); ++i) ruleIndex.emplace(rules[i]->code, i);

  rapidjson::OStreamWrapper stream(out);
  Writer writer(stream);
  writer.SetIndent(' ', 2);
  writer.StartObject();
  writer.Key("$schema");
  writer.String("https://json.schemastore.org/sarif-2.1.0.json");
  writer.Key("version");
  writer.String("2.1.0");
  writer.Key("runs");
  writer.StartArray();
  writer.StartObject();

  writer.Key("tool");
  writer.StartObject();
  writer.Key("driver");
  writer.StartObject();
  writer.Key("name");
  putString(writer, options.toolName);
  if (!options.toolVersion.empty()) {
    writer.Key("version");
    putString(writer, options.toolVersion);
  }
  if (!options.informationUri.empty()) {
    writer.Key("informationUri");
    putString(writer, options.informationUri);
  }
  writer.Key("rules");
  writer.StartArray();
  for (const core::RuleInfo* info : rules) putRule(writer, *info, options);
  writer.EndArray();
  writer.EndObject();
  writer.EndObject();

  if (!options.workingDirectory.empty()) {
    writer.Key("originalUriBaseIds");
    writer.StartObject();
    writer.Key("%SRCROOT%");
    writer.StartObject();
    writer.Key("uri");
    putString(writer, directoryUri(options.workingDirectory));
    writer.EndObject();
    writer.EndObject();
  }
  // Our columns count characters, not SARIF's default UTF-16 code units.
  writer.Key("columnKind");
  writer.String("unicodeCodePoints");

  writer.Key("results");
  writer.StartArray();
  for (const FileReport& file : files) {
    std::string uri = uriReference(relativePath(file.displayPath, options.workingDirectory));
    for (const core::Diagnostic& d : file.diagnostics) {
      writer.StartObject();
      writer.Key("ruleId");
      putString(writer, d.code);
      if (auto found = ruleIndex.find(d.code); found != ruleIndex.end()) {
        writer.Key("ruleIndex");
        writer.Uint64(found->second);
      }
      writer.Key("level");
      putString(writer, levelOf(d.severity));
      writer.Key("message");
      putMessage(writer, d.message);
      writer.Key("locations");
      writer.StartArray();
      writer.StartObject();
      putPhysicalLocation(writer, uri, *file.source, d.span);
      writer.EndObject();
      writer.EndArray();
      if (!d.notes.empty()) {
        writer.Key("relatedLocations");
        writer.StartArray();
        for (size_t i = 0; i < d.notes.size(); ++i) {
          const core::Note& note = d.notes[i];
          writer.StartObject();
          writer.Key("id");
          writer.Uint64(i + 1);
          if (note.span.known()) putPhysicalLocation(writer, uri, *file.source, note.span);
          writer.Key("message");
          putMessage(writer, note.message);
          writer.EndObject();
        }
        writer.EndArray();
      }
      writer.EndObject();
    }
  }
  writer.EndArray();
  writer.EndObject();
  writer.EndArray();
  writer.EndObject();
  out << '\n';
}

}  // namespace samshift::report
