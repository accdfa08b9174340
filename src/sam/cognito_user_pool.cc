#include "sam/cognito_user_pool.h"

#include <algorithm>
#include <array>

namespace samshift::sam {

namespace {

// samtranslator/model/cognito.py, CognitoUserPool.property_types (v1.110.0).
constexpr std::array<std::string_view, 29> kProperties = {
    "AccountRecoverySetting",
    "AdminCreateUserConfig",
    "AliasAttributes",
    "AutoVerifiedAttributes",
    "DeletionProtection",
    "DeviceConfiguration",
    "EmailAuthenticationMessage",
    "EmailAuthenticationSubject",
    "EmailConfiguration",
    "EmailVerificationMessage",
    "EmailVerificationSubject",
    "EnabledMfas",
    "LambdaConfig",
    "MfaConfiguration",
    "Policies",
    "Schema",
    "SmsAuthenticationMessage",
    "SmsConfiguration",
    "SmsVerificationMessage",
    "UserAttributeUpdateSettings",
    "UsernameAttributes",
    "UsernameConfiguration",
    "UserPoolAddOns",
    "UserPoolName",
    "UserPoolTags",
    "UserPoolTier",
    "VerificationMessageTemplate",
    "WebAuthnRelyingPartyID",
    "WebAuthnUserVerification",
};

}  // namespace

bool cognitoUserPoolProperty(std::string_view name) {
  return std::find(kProperties.begin(), kProperties.end(), name) != kProperties.end();
}

}  // namespace samshift::sam
