#include "report/json_format.h"

#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/prettywriter.h>

namespace samshift::report {

void writeJson(std::ostream& out, const std::vector<FileReport>& files) {
  rapidjson::OStreamWrapper stream(out);
  rapidjson::PrettyWriter<rapidjson::OStreamWrapper> writer(stream);
  writer.SetIndent(' ', 2);
  writer.StartArray();
  for (const FileReport& file : files) {
    for (const core::Diagnostic& d : file.diagnostics) {
      core::Range range = file.source->range(d.span);
      writer.StartObject();
      writer.Key("file");
      writer.String(file.displayPath.c_str(),
                    static_cast<rapidjson::SizeType>(file.displayPath.size()));
      writer.Key("line");
      writer.Uint(range.begin.line);
      writer.Key("column");
      writer.Uint(range.begin.column);
      writer.Key("endLine");
      writer.Uint(range.end.line);
      writer.Key("endColumn");
      writer.Uint(range.end.column);
      writer.Key("code");
      writer.String(d.code.c_str());
      writer.Key("slug");
      writer.String(d.slug.c_str());
      writer.Key("severity");
      writer.String(std::string(core::severityName(d.severity)).c_str());
      writer.Key("message");
      writer.String(d.message.c_str(), static_cast<rapidjson::SizeType>(d.message.size()));
      writer.Key("notes");
      writer.StartArray();
      for (const core::Note& note : d.notes) {
        core::Position at = file.source->position(note.span.known() ? note.span.begin : 0);
        writer.StartObject();
        writer.Key("line");
        writer.Uint(note.span.known() ? at.line : 0);
        writer.Key("column");
        writer.Uint(note.span.known() ? at.column : 0);
        writer.Key("message");
        writer.String(note.message.c_str(), static_cast<rapidjson::SizeType>(note.message.size()));
        writer.EndObject();
      }
      writer.EndArray();
      writer.EndObject();
    }
  }
  writer.EndArray();
  out << '\n';
}

}  // namespace samshift::report
