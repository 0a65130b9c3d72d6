from jobfollow.ui.board.pyside_none_guard import keep_none_alive

keep_none_alive()
