import ArgumentParser
import SwanApp

/// A command that reads files or settings of this machine: it is given the run's one Workplace
/// (main.swift makes it; ArgumentErrors.main hands it to the command it parsed), so that nothing
/// below main.swift asks the process for its environment, working folder or program path.
protocol WorkplaceCommand: ParsableCommand {
    func run(in workplace: Workplace) throws
}
