#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <cmath>

#include "plan/report.h"

namespace samshift::plan {
namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void writeString(Writer& writer, std::string_view text) {
  writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

void writeOptionalString(Writer& writer, const std::string& text) {
  if (text.empty()) {
    writer.Null();
  } else {
    writeString(writer, text);
  }
}

// Whole percentages as integers (10, not 10.0); others with their decimals (2.5).
void writePercent(Writer& writer, double percent) {
  double rounded = std::round(percent * 100.0) / 100.0;
  if (rounded == std::floor(rounded)) {
    writer.Int(static_cast<int>(rounded));
  } else {
    writer.Double(rounded);
  }
}

void writeDeployment(Writer& writer, const Deployment& d) {
  writer.StartObject();
  writer.Key("resource");
  writeString(writer, d.resource);
  writer.Key("kind");
  writeString(writer, deploymentSourceName(d.source));
  writer.Key("alias");
  writeOptionalString(writer, d.alias);
  writer.Key("config");
  writeOptionalString(writer, d.config);
  writer.Key("planned");
  writer.Bool(d.planned);
  writer.Key("reason");
  writeOptionalString(writer, d.reason);
  writer.Key("description");
  if (d.planned && d.schedule) {
    writeString(writer, describeSchedule(*d.schedule));
  } else {
    writer.Null();
  }
  writer.Key("steps");
  writer.StartArray();
  if (d.planned) {
    for (const Step& step : d.steps()) {
      writer.StartObject();
      writer.Key("minute");
      writer.Int(step.minute);
      writer.Key("percent");
      writePercent(writer, step.percent);
      writer.EndObject();
    }
  }
  writer.EndArray();
  writer.Key("hooks");
  writer.StartObject();
  writer.Key("preTraffic");
  writeOptionalString(writer, d.hooks.preTraffic);
  writer.Key("postTraffic");
  writeOptionalString(writer, d.hooks.postTraffic);
  writer.EndObject();
  writer.Key("alarms");
  writer.StartArray();
  for (const std::string& alarm : d.alarms) writeString(writer, alarm);
  writer.EndArray();
  writer.Key("rollback");
  writeOptionalString(writer, d.rollback);
  writer.Key("totalMinutes");
  if (d.planned && d.schedule) {
    writer.Int(d.totalMinutes());
  } else {
    writer.Null();
  }
  writer.Key("notes");
  writer.StartArray();
  for (const std::string& note : d.notes) writeString(writer, note);
  writer.EndArray();
  writer.EndObject();
}

void writeRoute(Writer& writer, const Route& route) {
  auto field = [&](const char* key, std::string_view text) {
    writer.Key(key);
    writeString(writer, text);
  };
  auto optionalField = [&](const char* key, const std::string& text) {
    writer.Key(key);
    writeOptionalString(writer, text);
  };
  writer.StartObject();
  field("kind", callerKindName(route.kind));
  field("caller", route.caller);
  optionalField("event", route.event);
  field("via", route.via);
  optionalField("api", route.api);
  optionalField("stage", route.stage);
  field("function", route.function);
  field("target", routeTargetName(route.target));
  optionalField("qualifier", route.qualifier);
  optionalField("stageVariable", route.stageVariable);
  optionalField("aliasResource", route.aliasResource);
  writer.Key("versions");
  writer.StartArray();
  for (const VersionWeight& version : route.versions) {
    writer.StartObject();
    writer.Key("version");
    writeString(writer, version.version);
    writer.Key("percent");
    writePercent(writer, version.percent);
    writer.EndObject();
  }
  writer.EndArray();
  writer.Key("deployment");
  if (route.deployment) {
    writeDeployment(writer, *route.deployment);
  } else {
    writer.Null();
  }
  writer.Key("bypassesAlias");
  writer.Bool(route.bypassesAlias);
  optionalField("bypassedAlias", route.bypassedAlias);
  writer.Key("notes");
  writer.StartArray();
  for (const std::string& note : route.notes) writeString(writer, note);
  writer.EndArray();
  writer.EndObject();
}

// The plan document: the template, then its deployments and its routes, each when given.
std::string document(std::string_view templateName, const std::vector<Deployment>* deployments,
                     const std::vector<Route>* routes) {
  rapidjson::StringBuffer buffer;
  Writer writer(buffer);
  writer.SetIndent(' ', 2);
  writer.StartObject();
  writer.Key("template");
  writeString(writer, templateName);
  if (deployments) {
    writer.Key("deployments");
    writer.StartArray();
    for (const Deployment& d : *deployments) writeDeployment(writer, d);
    writer.EndArray();
  }
  if (routes) {
    writer.Key("routes");
    writer.StartArray();
    for (const Route& route : *routes) writeRoute(writer, route);
    writer.EndArray();
  }
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

}  // namespace

std::string renderRoutesJson(const std::vector<Route>& routes,
                             const std::vector<Deployment>* deployments,
                             std::string_view templateName) {
  return document(templateName, deployments, &routes);
}

std::string renderJson(const std::vector<Deployment>& deployments, std::string_view templateName) {
  return document(templateName, &deployments, nullptr);
}

}  // namespace samshift::plan
