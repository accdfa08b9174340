#pragma once
// The other transforms a template declares beside SAM's, as far as they change what SAM reads or
// what CloudFormation receives. CloudFormation applies a template's transforms in the order its
// `Transform` lists them.

#include <optional>
#include <string>

#include "model/template.h"

namespace samshift::sam {

// Where `AWS::LanguageExtensions` runs: before SAM it rewrites what SAM reads (Fn::ForEach loops,
// Fn::Length, Fn::ToJsonString, FindInMap defaults, intrinsics it can resolve); after SAM it
// rewrites SAM's output. Alone, SAM never runs.
enum class LanguageExtensions { kAbsent, kBeforeSam, kAfterSam, kWithoutSam };
LanguageExtensions languageExtensions(const model::Template& templ);

// What samshift cannot reproduce of the declared transforms, worded for "not supported: …";
// nullopt when SAM alone transforms the template.
std::optional<std::string> unsupportedTransform(const model::Template& templ);

}  // namespace samshift::sam
