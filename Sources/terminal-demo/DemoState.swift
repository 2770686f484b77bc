import TerminalUI

/// Everything the demo screen shows; only `DemoApp.handle` changes it.
struct DemoState {
    enum Focus { case list, search }

    var list = ListState(selected: 0)
    var search = TextInputState()
    var focus = Focus.list
    var tab = 0
    var tick = 0
    var showsDialog = false
    var dialogButton = 0
    var themeIndex = 0
    var message: String?
    var isRunning = true
}
