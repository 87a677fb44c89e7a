@echo off
rem Opens Sincro's web app for this station (Windows): sincro ui, with this folder's settings.
call "%~dp0sincro.cmd" ui %*
exit /b %ERRORLEVEL%
