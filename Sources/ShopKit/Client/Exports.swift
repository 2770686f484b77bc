// The types ShopKit's public API uses from other packages, re-exported so that `import ShopKit`
// is enough and a consumer's manifest lists ShopKit alone:
// - OpenAPIRuntime and HTTPTypes: `ClientMiddleware`, `ClientTransport`, `HTTPBody`,
//   `HTTPRequest`, `HTTPResponse`, `HTTPFields` (configuration middlewares, custom transports).
// - Logging: `Logger` (ShopClientConfiguration.logger).
// - AsyncHTTPClient and OpenAPIAsyncHTTPClient: `HTTPClient` and `AsyncHTTPClientTransport`
//   (a client over your own connection pool).
@_exported import AsyncHTTPClient
@_exported import HTTPTypes
@_exported import Logging
@_exported import OpenAPIAsyncHTTPClient
@_exported import OpenAPIRuntime
