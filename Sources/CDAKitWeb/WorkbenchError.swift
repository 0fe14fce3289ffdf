/// Why the workbench could not start.
public enum WorkbenchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The address could not be bound: the port is taken, or the host is not an address of this computer.
    case cannotListen(host: String, port: Int, reason: String)

    /// A message naming the address and what to do.
    public var description: String {
        switch self {
        case .cannotListen(let host, let port, let reason):
            return "Cannot listen on \(host):\(port) (\(reason)). Choose another port with --port, or --port 0 for any free one."
        }
    }
}
