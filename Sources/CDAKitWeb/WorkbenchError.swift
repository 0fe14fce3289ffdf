/// Why the workbench could not start.
public enum WorkbenchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The address could not be bound: the port is taken, or the host is not an address of this computer.
    case cannotListen(host: String, port: Int, reason: String)
    /// The host lets other computers connect, and no `--allow-host` names the names they would use.
    case exposedWithoutAllowedHosts(host: String)
    /// An `--allow-host` value is not a host name or address.
    case invalidHostName(String)

    /// A message naming the address and what to do.
    public var description: String {
        switch self {
        case .cannotListen(let host, let port, let reason):
            return "Cannot listen on \(host):\(port) (\(reason)). Choose another port with --port, or --port 0 for any free one."
        case .exposedWithoutAllowedHosts(let host):
            return
                "Listening on '\(host)' would let other computers reach the workbench over plain HTTP, and their browsers would be refused "
                + "(421) for a host name this server does not know. To reach it from elsewhere, keep --host 127.0.0.1 and put a reverse proxy "
                + "with TLS in front of it, naming its host with --allow-host NAME; or, on a network you trust, name the host names "
                + "others will use with --allow-host NAME (repeatable)."
        case .invalidHostName(let name):
            return
                "--allow-host '\(name)' is not a host name: give a name such as 'workbench.example.org' or an address, without http://, port or path."
        }
    }
}
