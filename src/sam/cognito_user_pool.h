#pragma once
// What SAM knows of an AWS::Cognito::UserPool a Cognito event amends: the properties its
// CognitoUserPool model declares (samtranslator/model/cognito.py), which it re-reads the pool
// with.

#include <string_view>

namespace samshift::sam {

// True when SAM's CognitoUserPool declares property `name`.
bool cognitoUserPoolProperty(std::string_view name);

}  // namespace samshift::sam
