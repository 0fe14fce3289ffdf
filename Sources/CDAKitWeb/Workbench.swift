public import CDAKit
import Foundation
public import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// The coding workbench: a small web app and its JSON API over one project, served on loopback.
///
/// Every request passes, in order: the `Host` check (DNS rebinding), the access token (cookie or
/// bearer) with the CSRF token for changes, the app's static files, then the API. The API calls
/// the same `ProjectStore` functions as the command line, each in its own transaction, so a
/// `cda` command in a terminal can work on the project at the same time.
public struct Workbench: Sendable {
    /// The settings of this run, with its tokens.
    public let configuration: WorkbenchConfiguration
    private let store: ProjectStore
    private let assets: StaticAssets
    private let boundPort: BoundPort
    private let sessions = BrowserSessions()

    /// Creates the workbench for an open project.
    ///
    /// - Throws: `WebError.storeFailure` when the app's files are missing from the resource bundle.
    public init(store: ProjectStore, configuration: WorkbenchConfiguration) throws {
        self.store = store
        self.configuration = configuration
        assets = try StaticAssets.bundled()
        boundPort = BoundPort(configuration.port)
    }

    /// The router with the security layers, the app's files and the API.
    public func makeRouter() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: ResponseMiddleware())
        router.add(middleware: HostGuardMiddleware(allowedNames: configuration.allowedHostNames, port: boundPort))
        router.add(middleware: AccessMiddleware(configuration: configuration, port: boundPort, sessions: sessions, assets: assets))
        router.add(middleware: StaticAssetsMiddleware(assets: assets))
        WorkbenchAPI(access: StoreAccess(store: store), configuration: configuration).register(on: router)
        return router
    }

    /// The application, bound to the configured host and port.
    ///
    /// - Parameter onReady: Called with the URL to open (token included) once the server listens.
    public func makeApplication(onReady: @escaping @Sendable (String) -> Void) -> some ApplicationProtocol {
        var logger = Logger(label: "cda.workbench")
        logger.logLevel = .warning
        let port = boundPort
        let configuration = configuration
        return Application(
            router: makeRouter(),
            server: .http1(configuration: .init(additionalChannelHandlers: [CloseAfterResponseHandler()])),
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in
                if let bound = channel.localAddress?.port { port.value = bound }
                onReady(configuration.url(port: port.value))
            },
            logger: logger)
    }

    /// Serves until the process receives SIGINT or SIGTERM.
    ///
    /// - Parameter onReady: Called with the URL to open (token included) once the server listens.
    /// - Throws: `WorkbenchError.cannotListen` when the address cannot be bound (the port is in use).
    public func run(onReady: @escaping @Sendable (String) -> Void) async throws {
        do {
            try await makeApplication(onReady: onReady).runService()
        } catch let error as IOError {
            throw WorkbenchError.cannotListen(
                host: configuration.host, port: configuration.port, reason: String(cString: strerror(error.errnoCode)))
        }
    }
}
